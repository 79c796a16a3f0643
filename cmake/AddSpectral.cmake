# How the project's libraries are declared, installed and exported.
#
# add_spectral_library(NAME ...) is add_mlir_library, installed into this
# project's export set (SpectralTargets, see cmake/SpectralConfig.cmake.in)
# rather than MLIR's, with the include directories a consumer needs (in the
# build tree and under the install prefix) on the target itself instead of
# directory-wide.

function(spectral_export_target name)
  install(TARGETS ${name}
    EXPORT SpectralTargets
    ARCHIVE DESTINATION lib
    LIBRARY DESTINATION lib
    RUNTIME DESTINATION bin
  )
  set_property(GLOBAL APPEND PROPERTY SPECTRAL_EXPORTS ${name})
endfunction()

function(add_spectral_library name)
  add_mlir_library(${name} ${ARGN} DISABLE_INSTALL)
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:include>
  )
  spectral_export_target(${name})
endfunction()

# A tool, installed and exported: it finds the project's libraries beside
# its bin/ and LLVM's (libMLIR.so, libLLVM.so) where this build found them.
function(spectral_install_tool name)
  set_target_properties(${name} PROPERTIES
    INSTALL_RPATH "\$ORIGIN/../lib;${LLVM_LIBRARY_DIR}")
  spectral_export_target(${name})
endfunction()
