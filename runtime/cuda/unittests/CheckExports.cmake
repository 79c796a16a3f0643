# Checks the dynamic symbols of libspectral_cuda_runtime.so: each is in the
# C ABI (mgpu*, spectral_cuda_*, _mlir_ciface_spectral_cuda_*), every
# function the header declares is exported, and none is also exported by
# libspectral_runtime.so (both libraries may be loaded into one process).
# Run with -DNM= -DCPU_LIBRARY= -DCUDA_LIBRARY= -DHEADER=.

cmake_minimum_required(VERSION 3.20)

function(read_exports library out)
  execute_process(COMMAND ${NM} -D --defined-only ${library}
                  OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${NM} -D --defined-only ${library} failed (${rc})")
  endif()
  string(REGEX MATCHALL "[^\n]+" lines "${text}")
  set(names)
  foreach(line IN LISTS lines)
    if(line MATCHES "^[0-9a-fA-F]* *[A-Za-z] +([^ ]+)$")
      list(APPEND names "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

read_exports(${CPU_LIBRARY} cpu)
read_exports(${CUDA_LIBRARY} cuda)
list(LENGTH cuda count)
message(STATUS "${count} symbols exported by ${CUDA_LIBRARY}")

set(failures)
foreach(name IN LISTS cuda)
  if(NOT name MATCHES "^(mgpu|spectral_cuda_|_mlir_ciface_spectral_cuda_)")
    list(APPEND failures "exported but not in the C ABI: ${name}")
  endif()
  if(name IN_LIST cpu)
    list(APPEND failures "exported by both runtimes: ${name}")
  endif()
endforeach()

# Every function the header declares (the name before its parameter list).
file(READ ${HEADER} header)
string(REGEX MATCHALL "[A-Za-z_0-9]+\\(" calls "${header}")
foreach(call IN LISTS calls)
  string(REPLACE "(" "" name "${call}")
  if(name MATCHES "^(mgpu|spectral_cuda_|_mlir_ciface_spectral_cuda_)" AND
     NOT name MATCHES "_(handler|module|function|stream|event)$" AND
     NOT name IN_LIST cuda)
    list(APPEND failures "declared in the header but not exported: ${name}")
  endif()
endforeach()

if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "export check failed:\n  ${text}")
endif()
message(STATUS "exports OK: only the C ABI, disjoint from ${CPU_LIBRARY}")
