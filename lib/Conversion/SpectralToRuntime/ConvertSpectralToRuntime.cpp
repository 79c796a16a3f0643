//===- ConvertSpectralToRuntime.cpp - Mid-level ops to runtime calls ------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Conversion/Passes.h"
#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/RuntimeABI/RuntimeLayout.h"
#include "SpectralDialect/RuntimeABI/RuntimeSymbols.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_CONVERTSPECTRALTORUNTIME
#include "SpectralDialect/Conversion/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

namespace {
/// The entry points of one runtime library (SpectralDialect/RuntimeABI/
/// RuntimeSymbols.h).
struct RuntimeNames {
  RuntimeTarget target;

  std::string get(RuntimeFunction function) const {
    return getRuntimeSymbol(target, function);
  }
  StringRef getDescription() const { return getRuntimeDescription(target); }
};
} // namespace

/// Replaces `op` with a call of runtime function `callee` on `args`,
/// declaring the callee on first use (through its `_mlir_ciface_` wrapper when
/// `cInterface`, for memref arguments). A clashing declaration is an error.
static LogicalResult replaceWithRuntimeCall(Operation *op, ModuleOp module,
                                            StringRef callee,
                                            ArrayRef<Value> args,
                                            bool cInterface = true) {
  OpBuilder builder(op);
  auto type = builder.getFunctionType(ValueRange(args).getTypes(), {});
  func::FuncOp func = getOrCreateRuntimeFunc(module, callee, type, cInterface);
  if (func.getFunctionType() != type)
    return op->emitOpError()
           << "needs runtime function @" << callee << " of type " << type
           << ", but the module declares it as " << func.getFunctionType();
  func::CallOp::create(builder, op->getLoc(), func, args);
  op->erase();
  return success();
}

/// Casts a ranked `buffer` to the unranked memref the runtime's transforms
/// take.
static Value castToUnranked(OpBuilder &b, Location loc, Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  auto unranked =
      UnrankedMemRefType::get(type.getElementType(), type.getMemorySpace());
  return memref::CastOp::create(b, loc, unranked, buffer);
}

/// Whether the c2r transform `op` may clobber its input instead of copying
/// it (the lowered spectrum of an inverse transform is such a temporary):
/// the input's root is an allocation of `op`'s block that the output does
/// not share, and every other use of that buffer and of its views is in an
/// op before `op`, or releases it.
static bool mayClobberInput(DFTOp op) {
  Value root = getRootBuffer(op.getInput());
  auto alloc = root.getDefiningOp<memref::AllocOp>();
  Block *block = op->getBlock();
  if (!alloc || alloc->getBlock() != block ||
      getRootBuffer(op.getInit()) == root)
    return false;
  SmallVector<Value> views = {root};
  while (!views.empty()) {
    Value view = views.pop_back_val();
    for (Operation *user : view.getUsers()) {
      if (user == op.getOperation() || isa<memref::DeallocOp>(user))
        continue;
      if (isa<ViewLikeOpInterface, memref::CastOp>(user)) {
        llvm::append_range(views, user->getResults());
        continue;
      }
      Operation *ancestor = block->findAncestorOpInBlock(*user);
      if (!ancestor || !ancestor->isBeforeInBlock(op))
        return false;
    }
  }
  return true;
}

/// Replaces a bufferized `spectral.dft` with its runtime call.
static LogicalResult lowerDFT(DFTOp op, ModuleOp module,
                              const RuntimeNames &names) {
  auto input = dyn_cast<MemRefType>(op.getInput().getType());
  auto init = dyn_cast<MemRefType>(op.getInit().getType());
  if (!input || !init)
    return op.emitOpError()
           << "is still on tensors; run one-shot-bufferize before "
              "convert-spectral-to-runtime";
  Type real = input.getElementType();
  if (auto complex = dyn_cast<ComplexType>(real))
    real = complex.getElementType();
  bool f64 = real.isF64();
  if (!real.isF32() && !(f64 && names.target == RuntimeTarget::CPU))
    return op.emitOpError()
           << "computes in " << real << " but the " << names.getDescription()
           << " transforms "
           << (names.target == RuntimeTarget::CPU ? "f32 and f64 only"
                                                  : "f32 only");

  OpBuilder builder(op);
  Location loc = op.getLoc();
  Value in = castToUnranked(builder, loc, op.getInput());
  Value out = castToUnranked(builder, loc, op.getInit());
  Value mask = arith::ConstantIntOp::create(
      builder, loc, getRuntimeAxesMask(op.getAxes()), 64);
  Value norm = arith::ConstantIntOp::create(
      builder, loc, static_cast<int64_t>(op.getNorm()), 32);

  std::string callee;
  SmallVector<Value> args = {in, out, mask};
  switch (op.getKind()) {
  case DFTKind::c2c_forward:
  case DFTKind::c2c_inverse:
    callee =
        names.get(f64 ? RuntimeFunction::FFTC2CF64 : RuntimeFunction::FFTC2C);
    args.push_back(arith::ConstantIntOp::create(
        builder, loc, op.getKind() == DFTKind::c2c_inverse, 32));
    break;
  case DFTKind::r2c:
  case DFTKind::c2r:
    if (op.getKind() == DFTKind::r2c)
      callee =
          names.get(f64 ? RuntimeFunction::FFTR2CF64 : RuntimeFunction::FFTR2C);
    else if (op.getOverwriteInput() || mayClobberInput(op))
      callee = names.get(f64 ? RuntimeFunction::FFTC2ROverwriteInputF64
                             : RuntimeFunction::FFTC2ROverwriteInput);
    else
      callee =
          names.get(f64 ? RuntimeFunction::FFTC2RF64 : RuntimeFunction::FFTC2R);
    args.push_back(
        arith::ConstantIntOp::create(builder, loc, op.getAxes().back(), 64));
    break;
  }
  args.push_back(norm);

  return replaceWithRuntimeCall(op, module, callee, args);
}

/// A forward real transform into a temporary spectrum, its product with a
/// filter, and the inverse transform of the product: what spectral mixing
/// and FFT convolution bufferize to.
namespace {
struct FilteredRoundTrip {
  DFTOp forward;
  linalg::GenericOp product;
  DFTOp inverse;
  Value filter;
  memref::AllocOp spectrum;
  memref::DeallocOp release;
};
} // namespace

/// Whether `map` reads an operand of the iteration space's shape, or one
/// whose dimensions of static size 1 (`type`) broadcast (result 0).
static bool isIdentityOrBroadcast(AffineMap map, MemRefType type) {
  if (map.getNumResults() != map.getNumDims() ||
      static_cast<int64_t>(map.getNumResults()) != type.getRank())
    return false;
  for (auto [index, result] : llvm::enumerate(map.getResults())) {
    if (auto dim = dyn_cast<AffineDimExpr>(result);
        dim && dim.getPosition() == index)
      continue;
    auto constant = dyn_cast<AffineConstantExpr>(result);
    if (!constant || constant.getValue() != 0 || type.getDimSize(index) != 1)
      return false;
  }
  return true;
}

/// Whether `product` multiplies its one output in place by its one input
/// (element by element, the input possibly broadcast).
static bool isFilterProduct(linalg::GenericOp product, Value spectrum) {
  if (product.getNumDpsInputs() != 1 || product.getNumDpsInits() != 1 ||
      product.getDpsInits()[0] != spectrum ||
      product.getNumParallelLoops() != product.getNumLoops())
    return false;
  auto filterType = dyn_cast<MemRefType>(product.getDpsInputs()[0].getType());
  SmallVector<AffineMap> maps = product.getIndexingMapsArray();
  if (!filterType || !maps[1].isIdentity() ||
      !isIdentityOrBroadcast(maps[0], filterType))
    return false;
  Block &body = product.getRegion().front();
  if (body.getOperations().size() != 2)
    return false;
  auto mul = dyn_cast<complex::MulOp>(body.front());
  auto yield = dyn_cast<linalg::YieldOp>(body.getTerminator());
  if (!mul || !yield || yield.getNumOperands() != 1 ||
      yield.getOperand(0) != mul.getResult())
    return false;
  Value in = body.getArgument(0), out = body.getArgument(1);
  return (mul.getLhs() == in && mul.getRhs() == out) ||
         (mul.getLhs() == out && mul.getRhs() == in);
}

/// Whether the buffers rooted at `a` and `b` may overlap: a fresh allocation
/// overlaps nothing but itself; two other roots (function arguments, say)
/// may be views of one buffer.
static bool mayAlias(Value a, Value b) {
  return a == b || (!a.getDefiningOp<memref::AllocOp>() &&
                    !b.getDefiningOp<memref::AllocOp>());
}

/// Whether `op` may write (or free) memory of the buffer rooted at `root`;
/// true where its effects are not known.
static bool mayWrite(Operation *op, Value root) {
  if (isMemoryEffectFree(op))
    return false;
  auto interface = dyn_cast<MemoryEffectOpInterface>(op);
  if (!interface || op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
    return true;
  SmallVector<MemoryEffects::EffectInstance> effects;
  interface.getEffects(effects);
  return llvm::any_of(effects, [&](const MemoryEffects::EffectInstance &e) {
    if (!isa<MemoryEffects::Write, MemoryEffects::Free>(e.getEffect()))
      return false;
    Value written = e.getValue();
    return !written || mayAlias(getRootBuffer(written), root);
  });
}

/// Matches the round trip that ends with `inverse`. Every condition keeps
/// the fused call, made where the inverse was, equivalent: the spectrum is a
/// temporary that only these ops use; nothing between the forward transform
/// and the inverse writes the input, and nothing between the product and the
/// inverse writes the filter, so reading them later reads the same values
/// (an FFT convolution transforms its kernel into the filter after the
/// input's transform: that write comes before the product, which read it
/// too); and the output is a fresh allocation, so it aliases neither.
static std::optional<FilteredRoundTrip> matchFilteredRoundTrip(DFTOp inverse) {
  if (inverse.getKind() != DFTKind::c2r)
    return std::nullopt;
  FilteredRoundTrip trip;
  trip.inverse = inverse;
  trip.spectrum = inverse.getInput().getDefiningOp<memref::AllocOp>();
  if (!trip.spectrum)
    return std::nullopt;
  Block *block = inverse->getBlock();
  for (Operation *user : trip.spectrum->getUsers()) {
    if (user == inverse)
      continue;
    auto dft = dyn_cast<DFTOp>(user);
    auto generic = dyn_cast<linalg::GenericOp>(user);
    auto release = dyn_cast<memref::DeallocOp>(user);
    if (user->getBlock() != block)
      return std::nullopt;
    if (dft && !trip.forward && dft.getKind() == DFTKind::r2c &&
        dft.getInit() == trip.spectrum.getResult())
      trip.forward = dft;
    else if (generic && !trip.product)
      trip.product = generic;
    else if (release && !trip.release)
      trip.release = release;
    else
      return std::nullopt;
  }
  if (!trip.forward || !trip.product ||
      !trip.forward->isBeforeInBlock(trip.product) ||
      !trip.product->isBeforeInBlock(inverse) ||
      (trip.release && !inverse->isBeforeInBlock(trip.release)) ||
      trip.forward.getAxes() != inverse.getAxes() ||
      !isFilterProduct(trip.product, trip.spectrum))
    return std::nullopt;
  trip.filter = trip.product.getDpsInputs()[0];
  auto inputType = dyn_cast<MemRefType>(trip.forward.getInput().getType());
  auto outputType = dyn_cast<MemRefType>(inverse.getInit().getType());
  if (!inputType || !outputType ||
      inputType.getShape() != outputType.getShape() ||
      inputType.getElementType() != outputType.getElementType())
    return std::nullopt;
  Value input = getRootBuffer(trip.forward.getInput());
  Value filter = getRootBuffer(trip.filter);
  bool afterProduct = false;
  for (Operation *op = trip.forward->getNextNode();
       op != inverse.getOperation(); op = op->getNextNode()) {
    if (op == trip.product.getOperation()) {
      afterProduct = true;
      continue;
    }
    if (mayWrite(op, input) || mayWrite(op, trip.spectrum.getResult()) ||
        (afterProduct && mayWrite(op, filter)))
      return std::nullopt;
  }
  Value output = getRootBuffer(inverse.getInit());
  if (!output.getDefiningOp<memref::AllocOp>() || output == input ||
      output == filter)
    return std::nullopt;
  return trip;
}

/// Replaces a matched round trip with one call of the CPU runtime's
/// spectral_fft_filter, which never stores the whole spectrum.
static LogicalResult fuseFilteredRoundTrip(FilteredRoundTrip &trip,
                                           ModuleOp module,
                                           const RuntimeNames &names) {
  DFTOp inverse = trip.inverse;
  OpBuilder builder(inverse);
  Location loc = inverse.getLoc();
  bool f64 =
      cast<MemRefType>(inverse.getInit().getType()).getElementType().isF64();
  SmallVector<Value> args = {
      castToUnranked(builder, loc, trip.forward.getInput()),
      castToUnranked(builder, loc, trip.filter),
      castToUnranked(builder, loc, inverse.getInit()),
      arith::ConstantIntOp::create(builder, loc,
                                   getRuntimeAxesMask(inverse.getAxes()), 64),
      arith::ConstantIntOp::create(builder, loc, inverse.getAxes().back(), 64),
      arith::ConstantIntOp::create(
          builder, loc, static_cast<int64_t>(trip.forward.getNorm()), 32),
      arith::ConstantIntOp::create(
          builder, loc, static_cast<int64_t>(inverse.getNorm()), 32)};
  std::string callee = names.get(f64 ? RuntimeFunction::FFTFilterF64
                                     : RuntimeFunction::FFTFilter);
  if (failed(replaceWithRuntimeCall(inverse, module, callee, args)))
    return failure();
  trip.product->erase();
  trip.forward->erase();
  if (trip.release)
    trip.release->erase();
  trip.spectrum->erase();
  return success();
}

/// Casts `buffer` to the fully dynamic strided memref the runtime's
/// `StridedMemRefType` entry points are declared with.
static Value castToDynamicStrided(OpBuilder &b, Location loc, Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<int64_t> dynamic(type.getRank(), ShapedType::kDynamic);
  auto layout =
      StridedLayoutAttr::get(b.getContext(), ShapedType::kDynamic, dynamic);
  auto target = MemRefType::get(dynamic, type.getElementType(), layout,
                                type.getMemorySpace());
  return memref::CastOp::create(b, loc, target, buffer);
}

/// Creates the rank-1 i64 buffer of the tile spectrum shape on the stack.
static Value createShapeBuffer(OpBuilder &b, Location loc,
                               ArrayRef<int64_t> shape) {
  auto type =
      MemRefType::get({static_cast<int64_t>(shape.size())}, b.getI64Type());
  Value buffer = memref::AllocaOp::create(b, loc, type);
  for (auto [dim, size] : llvm::enumerate(shape)) {
    Value index = arith::ConstantIndexOp::create(b, loc, dim);
    Value value = arith::ConstantIntOp::create(b, loc, size, 64);
    memref::StoreOp::create(b, loc, value, buffer, index);
  }
  return castToDynamicStrided(b, loc, buffer);
}

/// Replaces a bufferized `spectral.topk`, `spectral.scatter` or
/// `spectral.gather` with its
/// runtime call. The runtime describes the tile layout by the tile spectrum
/// shape, a mask of transformed axes, the halved axis (-1 for fft) and its
/// dense length.
template <typename OpTy>
static LogicalResult lowerTileSpectrumOp(OpTy op, ModuleOp module,
                                         StringRef callee) {
  if (!isa<MemRefType>(op.getSpectrum().getType()))
    return op.emitOpError()
           << "is still on tensors; run one-shot-bufferize before "
              "convert-spectral-to-runtime";
  RuntimeTileLayout layout(op.getLayoutType());
  OpBuilder builder(op);
  Location loc = op.getLoc();
  Value shape = createShapeBuffer(builder, loc, layout.spectrumShape);
  Value mask = arith::ConstantIntOp::create(builder, loc, layout.axesMask, 64);
  Value halved =
      arith::ConstantIntOp::create(builder, loc, layout.halvedAxis, 64);
  Value length =
      arith::ConstantIntOp::create(builder, loc, layout.halvedLength, 64);
  Value spectrum = castToDynamicStrided(builder, loc, op.getSpectrum());
  Value coeffs = castToDynamicStrided(builder, loc, op.getCoeffs());
  Value positions = castToDynamicStrided(builder, loc, op.getPositions());

  SmallVector<Value> args;
  if (std::is_same_v<OpTy, TopKOp>)
    args = {spectrum, shape, mask, halved, length, coeffs, positions};
  else if (std::is_same_v<OpTy, GatherOp>)
    args = {spectrum, positions, shape, mask, halved, length, coeffs};
  else
    args = {coeffs, positions, shape, mask, halved, length, spectrum};
  return replaceWithRuntimeCall(op, module, callee, args);
}

/// Replaces a tile offset check with the runtime's check, which reports a
/// bad offset on stderr and stops.
static LogicalResult lowerCheckTileOffset(CheckTileOffsetOp op, ModuleOp module,
                                          const RuntimeNames &names) {
  OpBuilder builder(op);
  Location loc = op.getLoc();
  auto i64 = [&](int64_t v) -> Value {
    return arith::ConstantIntOp::create(builder, loc, v, 64);
  };
  Value offset = arith::IndexCastOp::create(builder, loc, builder.getI64Type(),
                                            op.getOffset());
  SmallVector<Value> args = {i64(op.getDim()), offset, i64(op.getTile()),
                             i64(op.getLimit())};
  return replaceWithRuntimeCall(
      op, module, names.get(RuntimeFunction::CheckTileOffset), args,
      /*cInterface=*/false);
}

/// Replaces a size check with the runtime's check, which reports a size
/// that is not the expected one and stops.
static LogicalResult lowerCheckSize(CheckSizeOp op, ModuleOp module,
                                    const RuntimeNames &names) {
  OpBuilder builder(op);
  Location loc = op.getLoc();
  auto toI64 = [&](Value index) -> Value {
    return arith::IndexCastOp::create(builder, loc, builder.getI64Type(),
                                      index);
  };
  SmallVector<Value> args = {
      arith::ConstantIntOp::create(builder, loc, op.getCheckedOpIndex(), 32),
      arith::ConstantIntOp::create(builder, loc, op.getOperandIndex(), 32),
      arith::ConstantIntOp::create(builder, loc, op.getDimAttr().getInt(), 64),
      toI64(op.getFound()), toI64(op.getExpected())};
  return replaceWithRuntimeCall(op, module,
                                names.get(RuntimeFunction::CheckSize), args,
                                /*cInterface=*/false);
}

/// Whether `op` is a plain f32 or f64 `linalg.matmul` on memrefs (no
/// transposed or broadcast maps, no element casts), which the runtime's
/// BLAS-backed GEMM computes.
static bool isRuntimeGemm(linalg::MatmulOp op) {
  if (op.hasUserDefinedMaps() || op.getCast() != linalg::TypeFn::cast_signed)
    return false;
  Type element;
  for (Value operand : op->getOperands()) {
    auto type = dyn_cast<MemRefType>(operand.getType());
    if (!type || type.getRank() != 2)
      return false;
    if (element && type.getElementType() != element)
      return false;
    element = type.getElementType();
  }
  return element.isF32() || element.isF64();
}

/// Replaces a bufferized `linalg.matmul` with the runtime's GEMM, which
/// accumulates into the output like the op (C += A * B).
static LogicalResult lowerMatmul(linalg::MatmulOp op, ModuleOp module,
                                 const RuntimeNames &names) {
  OpBuilder builder(op);
  Location loc = op.getLoc();
  SmallVector<Value> args;
  for (Value operand : op->getOperands())
    args.push_back(castToDynamicStrided(builder, loc, operand));
  Type element =
      cast<MemRefType>(op.getOutputs()[0].getType()).getElementType();
  return replaceWithRuntimeCall(op, module,
                                names.get(element.isF32()
                                              ? RuntimeFunction::GemmF32
                                              : RuntimeFunction::GemmF64),
                                args);
}

namespace {
struct ConvertSpectralToRuntimePass
    : spectral::impl::ConvertSpectralToRuntimeBase<
          ConvertSpectralToRuntimePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    RuntimeNames names{target};
    if (fuseFilters && target == RuntimeTarget::CPU) {
      SmallVector<FilteredRoundTrip> trips;
      module.walk([&](DFTOp inverse) {
        if (std::optional<FilteredRoundTrip> trip =
                matchFilteredRoundTrip(inverse))
          trips.push_back(*trip);
      });
      for (FilteredRoundTrip &trip : trips) {
        if (failed(fuseFilteredRoundTrip(trip, module, names)))
          return signalPassFailure();
        ++numCalls;
        ++numFused;
      }
    }
    SmallVector<Operation *> ops;
    module.walk([&](Operation *op) {
      if (isa<DFTOp, TopKOp, ScatterOp, GatherOp, CheckTileOffsetOp,
              CheckSizeOp>(op))
        ops.push_back(op);
      else if (auto matmul = dyn_cast<linalg::MatmulOp>(op))
        if (blasGemm && isRuntimeGemm(matmul))
          ops.push_back(op);
    });
    for (Operation *op : ops) {
      LogicalResult lowered =
          TypeSwitch<Operation *, LogicalResult>(op)
              .Case([&](DFTOp dft) { return lowerDFT(dft, module, names); })
              .Case([&](TopKOp topk) {
                return lowerTileSpectrumOp(topk, module,
                                           names.get(RuntimeFunction::TopK));
              })
              .Case([&](ScatterOp scatter) {
                return lowerTileSpectrumOp(scatter, module,
                                           names.get(RuntimeFunction::Scatter));
              })
              .Case([&](GatherOp gather) {
                return lowerTileSpectrumOp(gather, module,
                                           names.get(RuntimeFunction::Gather));
              })
              .Case([&](CheckTileOffsetOp check) {
                return lowerCheckTileOffset(check, module, names);
              })
              .Case([&](CheckSizeOp check) {
                return lowerCheckSize(check, module, names);
              })
              .Case([&](linalg::MatmulOp matmul) {
                return lowerMatmul(matmul, module, names);
              });
      if (failed(lowered))
        return signalPassFailure();
      ++numCalls;
    }
  }
};
} // namespace
