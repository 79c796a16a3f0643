"""Calls functions that sst-compile compiled into a shared library, on numpy
arrays, through their C entry points (upstream's `_mlir_ciface_` ABI).

Used by the tests that compare against PyTorch and finite differences, and
by the benchmarks, so that they run the compiled code on data of any shape
without writing a C caller.

    lib = CompiledLibrary("prog.mlir", ["forward", "backward"], workdir)
    y = lib.call("forward", [x, w], results=1)[0]

Arguments are copied (compiled functions may write into their argument
buffers); results are copied out of the
memrefs the compiled code returned, which are then freed with the memref
allocator's `free` (`_mlir_memref_to_llvm_free`).
"""
import ctypes
import os
import subprocess

import numpy as np

_C_TYPES = {
    np.dtype(np.float32): ctypes.c_float,
    np.dtype(np.float64): ctypes.c_double,
    np.dtype(np.complex64): ctypes.c_float * 2,
    np.dtype(np.complex128): ctypes.c_double * 2,
    # Positions of sparse spectral tensors.
    np.dtype(np.int32): ctypes.c_int32,
    np.dtype(np.int64): ctypes.c_int64,
}


def _descriptor_type(rank):
    class Descriptor(ctypes.Structure):
        _fields_ = [("allocated", ctypes.c_void_p), ("aligned", ctypes.c_void_p),
                    ("offset", ctypes.c_int64),
                    ("sizes", ctypes.c_int64 * rank),
                    ("strides", ctypes.c_int64 * rank)]
    return Descriptor


def _descriptor_of(array):
    desc = _descriptor_type(array.ndim)()
    desc.allocated = desc.aligned = array.ctypes.data
    desc.offset = 0
    for i, (size, stride) in enumerate(zip(array.shape, array.strides)):
        desc.sizes[i] = size
        desc.strides[i] = stride // array.itemsize
    return desc


def _array_of(desc, dtype):
    """A copy of the memref `desc` describes (elements of `dtype`)."""
    rank = len(desc.sizes)
    shape = tuple(desc.sizes[i] for i in range(rank))
    itemsize = np.dtype(dtype).itemsize
    if 0 in shape:
        return np.zeros(shape, dtype)
    base = desc.aligned + desc.offset * itemsize
    extent = 1 + sum((s - 1) * desc.strides[i] for i, s in enumerate(shape))
    buffer = (ctypes.c_char * (extent * itemsize)).from_address(base)
    flat = np.frombuffer(buffer, dtype=dtype, count=extent)
    strides = tuple(desc.strides[i] * itemsize for i in range(rank))
    return np.lib.stride_tricks.as_strided(flat, shape, strides).copy()


class CompiledLibrary:
    """`source` compiled by sst-compile into `workdir`, exporting `functions`."""

    def __init__(self, source, functions, workdir, sst_compile="sst-compile",
                 options=()):
        name = os.path.splitext(os.path.basename(source))[0]
        self.path = os.path.join(workdir, "lib" + name + ".so")
        exports = ["--export=" + ",".join(functions)] if functions else []
        subprocess.run([sst_compile, source, "-o", self.path, *exports,
                        *options], check=True)
        self.lib = ctypes.CDLL(self.path)
        self.free = self.lib._mlir_memref_to_llvm_free \
            if hasattr(self.lib, "_mlir_memref_to_llvm_free") else None

    def call(self, name, args, result_types, copy_args=True,
             keep_results=True):
        """Calls `name` on `args`; `result_types` lists (rank, dtype) of each
        memref result. Returns the results as numpy arrays.

        Arguments are copied first, because a compiled function may write
        into its argument buffers (one-shot bufferization treats function
        arguments as writable); with `copy_args=False` C-contiguous
        arguments are passed as they are. With `keep_results=False` the
        results are freed without being copied out (for timing the function
        itself)."""
        if copy_args:
            args = [np.array(a, order="C", copy=True) for a in args]
        else:
            args = [np.ascontiguousarray(a) for a in args]
        for a in args:
            if a.dtype not in _C_TYPES:
                raise TypeError(f"unsupported element type {a.dtype}")
        arg_descs = [_descriptor_of(a) for a in args]
        result_descs = [_descriptor_type(rank)() for rank, _ in result_types]
        if len(result_descs) == 1:
            result = result_descs[0]
        else:
            class Results(ctypes.Structure):
                _fields_ = [(f"r{i}", type(d)) for i, d in enumerate(result_descs)]
            result = Results()
        function = getattr(self.lib, "_mlir_ciface_" + name)
        function.restype = None
        pointers = [ctypes.pointer(result)] if result_descs else []
        pointers += [ctypes.pointer(d) for d in arg_descs]
        function(*pointers)
        if len(result_descs) > 1:
            result_descs = [getattr(result, f"r{i}") for i in range(len(result_descs))]
        inputs = {a.ctypes.data for a in args}
        outputs = []
        freed = set()
        for desc, (_, dtype) in zip(result_descs, result_types):
            if keep_results:
                outputs.append(_array_of(desc, dtype))
            if desc.allocated and desc.allocated not in inputs \
                    and desc.allocated not in freed:
                freed.add(desc.allocated)
                self._free(desc.allocated)
        return outputs

    def _free(self, pointer):
        free = self.free or ctypes.CDLL(None).free
        free.argtypes = [ctypes.c_void_p]
        free(pointer)
