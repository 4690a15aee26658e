/**
 * spikeflow public API. Explicit named re-exports, grouped by role.
 * Shared file: add your exports to the right group with a small edit; never reorder or rewrite the file.
 */

// ── core: frames, errors, units, parameters ────────────────────────────────
export type { Dimension, Quantity } from './core/units.js';
export { parseQuantity, toSI, unitOf } from './core/units.js';
export type { ParamSpec, NumberParam, StringParam, BooleanParam, ParamValues } from './core/params.js';
export { parseParam, parseParams, describeRange, formatSI, numberParam } from './core/params.js';
export type { Engine, EngineState, StepProbe } from './core/engine.js';
export { SpikeRecorder } from './core/engine.js';
export { GrowableArray } from './core/growable.js';
export type { RunOptions, StateRecording } from './core/run.js';
export { runFrames, stepsOf } from './core/run.js';
export type { CommandDef, Job, RunContext, Progress } from './core/command.js';
export { silentProgress } from './core/command.js';
export { runParams } from './core/runParams.js';
export { withDefaults } from './core/paramDefaults.js';
export type { Frame, SpikeFrame, StateFrame, FlowTicket } from './core/frame.js';
export { isSpikeFrame, isStateFrame } from './core/frame.js';
export { SpikeflowError, invalidParameter, invalidFile, environmentError } from './core/errors.js';

// ── random ─────────────────────────────────────────────────────────────────
export type { RandomStreamState } from './random/stream.js';
export { RandomStream, RandomStreams } from './random/stream.js';
export type { Xoshiro128State } from './random/xoshiro128.js';
export { Xoshiro128 } from './random/xoshiro128.js';
export type { Xor4096State } from './random/xor4096Next.js';
export { xor4096Next } from './random/xor4096Next.js';

// ── network ────────────────────────────────────────────────────────────────
export type { Csr } from './network/csr.js';
export { synapseCount } from './network/csr.js';
export { erdosRenyi } from './network/erdosRenyi.js';
export { fixedInDegree } from './network/fixedInDegree.js';
export { writeEdgeList, readEdgeList } from './network/edgeList.js';
export type { UniformSource, ProjectionOptions } from './network/fixedInDegreeProjection.js';
export { fixedInDegreeProjection } from './network/fixedInDegreeProjection.js';
export { bernoulliProjection } from './network/bernoulliProjection.js';
export { denseRandomWeights } from './network/denseRandomWeights.js';
export type { NormalSource } from './network/gaussianCoupling.js';
export { gaussianCoupling } from './network/gaussianCoupling.js';

// ── models ─────────────────────────────────────────────────────────────────
export type { BalancedLifConfig } from './models/balancedLif.js';
export type { LifConfig } from './models/lif.js';
export { lifParams, lifConfig, lifTauM, lifSteadyState, lifPopulation } from './models/lif.js';
export type { NoisyLifConfig } from './models/noisyLif.js';
export { noisyLifParams, noisyLifConfig, noisyLifPopulation } from './models/noisyLif.js';
export type { LifExpSynConfig } from './models/lifExpSyn.js';
export { lifExpSynParams, lifExpSynConfig, lifExpSynPopulation } from './models/lifExpSyn.js';
export type { LifNetworkConfig } from './models/lifNetwork.js';
export { lifNetworkParams, lifNetworkConfig, lifNetworkSpec } from './models/lifNetwork.js';
export type { BrunelConfig, BrunelConnectivity } from './models/brunel.js';
export {
  brunelParams,
  brunelConfig,
  brunelThresholdRate,
  brunelExternalRate,
  brunelConnectivity,
  brunelInitialPotentials,
  brunelNetworkSpec,
} from './models/brunel.js';
export {
  balancedLifParams,
  balancedLifConfig,
  balancedLifDrive,
  balancedLifWeight,
  balancedLifNetwork,
  balancedLifInitialState,
} from './models/balancedLif.js';
export { eiRateParams, eiRateConfig } from './models/eiRate.js';
export type { BinaryBalancedConfig, BinaryConnectivity } from './models/binaryBalanced.js';
export { binaryBalancedParams, binaryBalancedConfig, binaryBalance, binaryMeanFieldOf, binaryConnectivity } from './models/binaryBalanced.js';
export type {
  IzhikevichParameters,
  IzhikevichType,
  IzhikevichTypeName,
  IzhikevichPreset,
  IzhikevichNetworkConfig,
  IzhikevichColumns,
} from './models/izhikevich.js';
export {
  IZHIKEVICH_TYPES,
  IZHIKEVICH_TYPE_NAMES,
  IZHIKEVICH_PEAK,
  IZHIKEVICH_WEIGHT_PRESETS,
  IZHIKEVICH_TYPE_COMBINATIONS,
  izhikevichParams,
  izhikevichConfig,
  izhikevichColumns,
  izhikevichWeights,
  parseTypePair,
} from './models/izhikevich.js';

// ── engines ────────────────────────────────────────────────────────────────
export type { ClockLifOptions } from './engines/clockLif.js';
export { ClockLifEngine } from './engines/clockLif.js';
export type { LifPartition, PartitionAllocator, PartitionArrays, PartitionShape } from './engines/lifPartition.js';
export { allocateOnSharedBuffers, hasSortedRows, partitionBounds, rowCuts, splitByTargets } from './engines/lifPartition.js';
export type { EventLifOptions } from './engines/eventLif.js';
export { EventLifEngine } from './engines/eventLif.js';
export { LazyBucketQueue, bucketOf } from './engines/lazyBucketQueue.js';
export { ParallelClockLifEngine, startLifThreads } from './engines/parallelClockLif.js';
export type { BalancedLifSetup } from './engines/balancedLifEngine.js';
export { createBalancedLifEngine, clockThreads } from './engines/balancedLifEngine.js';
export type { DriveTuningOptions, DriveTuning } from './engines/tuneBalancedLifDrive.js';
export { tuneBalancedLifDrive, targetRateParam } from './engines/tuneBalancedLifDrive.js';
export type { IzhikevichNetworkOptions, IzhikevichNetworkSetup } from './engines/izhikevichNetwork.js';
export { IzhikevichNetworkEngine, createIzhikevichNetwork, IZHIKEVICH_DT } from './engines/izhikevichNetwork.js';
export type {
  TimedArray,
  LifPopulationSpec,
  PoissonPopulationSpec,
  PopulationSpec,
  ConnectivitySpec,
  ProjectionSpec,
  ExternalPoissonSpec,
  SpikingNetworkSpec,
  PopulationIndexRange,
} from './engines/spikingNetwork.js';
export { SpikingNetworkEngine } from './engines/spikingNetwork.js';
export type { EiRateEngineOptions } from './engines/eiRateEngine.js';
export { EiRateEngine } from './engines/eiRateEngine.js';
export type { ScsRateEngineOptions } from './engines/scsRateEngine.js';
export { ScsRateEngine } from './engines/scsRateEngine.js';
export type { BinaryBalancedEngineOptions } from './engines/binaryBalancedEngine.js';
export { BinaryBalancedEngine } from './engines/binaryBalancedEngine.js';
export type { DeepTanhEngineOptions } from './engines/deepTanhEngine.js';
export { DeepTanhEngine } from './engines/deepTanhEngine.js';

// ── kernels ────────────────────────────────────────────────────────────────
export type { ObservedTime } from './kernels/observedTime.js';
export { observedTime } from './kernels/observedTime.js';
export type { DiscreteTable } from './kernels/discreteInversion.js';
export { discreteTable, sampleDiscrete, addDiscreteSamples } from './kernels/discreteInversion.js';
export { poissonTable } from './kernels/poissonTable.js';
export { binomialTable } from './kernels/binomialTable.js';
export type { IntegrationMethod, LifPropagator, LifPropagatorOptions } from './kernels/lifPropagator.js';
export { lifPropagator } from './kernels/lifPropagator.js';
export type { LifSpikeTimesOptions } from './kernels/lifSpikeTimes.js';
export { lifSpikeTimes } from './kernels/lifSpikeTimes.js';
export { spikeTrainReliability } from './kernels/spikeTrainReliability.js';
export { peakToMedianPower } from './kernels/peakToMedianPower.js';
export type { BrunelState, BrunelFeatures } from './kernels/classifyBrunelState.js';
export { classifyBrunelState, BRUNEL_STATE_RULE } from './kernels/classifyBrunelState.js';
export type { TransferKind, TransferFunction } from './kernels/transfer.js';
export { transferValue, transferSlope, transferRange } from './kernels/transfer.js';
export type { EiRateParams } from './kernels/eiRateField.js';
export { eiRateField, eiInputE, eiInputI } from './kernels/eiRateField.js';
export { eiJacobian } from './kernels/eiJacobian.js';
export type { EiFixedPoint, EiFixedPointSet } from './kernels/eiFixedPoints.js';
export { eiFixedPoints } from './kernels/eiFixedPoints.js';
export type { Matrix2x2, Complex } from './kernels/eigen2x2.js';
export { eigen2x2 } from './kernels/eigen2x2.js';
export type { FixedPointClass } from './kernels/classifyFixedPoint.js';
export { classifyFixedPoint, CLASSIFY_TOLERANCE } from './kernels/classifyFixedPoint.js';
export type { OdeRhs, Rk4Scratch } from './kernels/rk4Step.js';
export { rk4Step, createRk4Scratch } from './kernels/rk4Step.js';
export { brentRoot } from './kernels/brentRoot.js';
export type { FindAllRootsOptions } from './kernels/findAllRoots.js';
export { findAllRoots } from './kernels/findAllRoots.js';
export type { GaussHermiteRule } from './kernels/gaussHermite.js';
export { gaussHermite, GAUSS_HERMITE_MAX_NODES } from './kernels/gaussHermite.js';
export { meanFieldRule, MEAN_FIELD_NODES } from './kernels/meanFieldQuadrature.js';
export { lengthMap, lengthFixedPoint } from './kernels/lengthMap.js';
export { chi1, chi1AtLength } from './kernels/chi1.js';
export { correlationMap, correlationFixedPoint } from './kernels/correlationMap.js';
export { criticalSigmaW, criticalLine } from './kernels/criticalSigmaW.js';
export { qrInPlace } from './kernels/qrInPlace.js';
export { denseMatVec } from './kernels/denseMatVec.js';
export { dot } from './kernels/dot.js';
export { scsRhs, tanhSlope, scsJacobianVector, scsJacobianBlock } from './kernels/scsRhs.js';
export type { ScsScratch } from './kernels/scsRk4Step.js';
export { scsRk4Step, createScsScratch } from './kernels/scsRk4Step.js';
export type { ScsLyapunovOptions } from './kernels/scsLyapunovExponents.js';
export { scsLyapunovExponents } from './kernels/scsLyapunovExponents.js';
export type { BalanceParams, BalanceSolution } from './kernels/balanceSolution.js';
export { balanceSolution } from './kernels/balanceSolution.js';
export type { LagProducts } from './kernels/lagProducts.js';
export { lagProducts, addLagSamples, lagAutocorrelation, autocorrelationReducer } from './kernels/lagProducts.js';
export { contourSegments } from './kernels/contourSegments.js';
export { normalTail } from './kernels/normalTail.js';
export type { BatchMeans } from './kernels/batchMeans.js';
export { batchMeans } from './kernels/batchMeans.js';
export type { BinaryMeanFieldParams, BinaryMeanField } from './kernels/binaryMeanField.js';
export { binaryMeanField } from './kernels/binaryMeanField.js';
export type { LinearFit } from './kernels/linearFit.js';
export { linearFit } from './kernels/linearFit.js';
export { minMaxDecimate } from './kernels/minMaxDecimate.js';
export type { HistogramOptions, Histogram } from './kernels/histogram.js';
export { histogram } from './kernels/histogram.js';
export type { BinRasterOptions, RasterGrid } from './kernels/binRaster.js';
export { binRaster } from './kernels/binRaster.js';
export { countSpikes, ratesFromCounts } from './kernels/spikeCounts.js';
export type { IsiMoments } from './kernels/isiMoments.js';
export { isiMoments, addSpikes, isiCvValues, isiCvReducer } from './kernels/isiMoments.js';
export type { BinnedPopulationRateOptions, BinnedRate } from './kernels/binnedPopulationRate.js';
export { binnedPopulationRate, binIndexOf, firstWholeBin, countSpikesInBins, binRates } from './kernels/binnedPopulationRate.js';
export type { MeanOfOptions } from './kernels/meanOf.js';
export { meanOf } from './kernels/meanOf.js';
export type { LifPhaseMap } from './kernels/lifPhaseMap.js';
export { lifPhaseMap, lifFreePeriod, lifPhase, lifPotential, lifPhases, lifPotentials } from './kernels/lifPhaseMap.js';
export { circularDifference } from './kernels/circularDifference.js';
export { lifPhaseDistances } from './kernels/lifPhaseDistance.js';
export { applyPhaseShift } from './kernels/applyPhaseShift.js';
export { normaliseInPlace } from './kernels/normaliseInPlace.js';
export { divergenceThreshold, phaseResolution } from './kernels/divergenceThreshold.js';
export type { LogisticFit } from './kernels/logisticFit.js';
export { fitLogistic, logisticValue } from './kernels/logisticFit.js';
export { UnionFind } from './kernels/unionFind.js';
export type { LogGap } from './kernels/widestLogGap.js';
export { widestLogGap } from './kernels/widestLogGap.js';
export type { BinnedCountMoments } from './kernels/binnedCountMoments.js';
export { binnedCountMoments, addBinnedSpikes, closeBinsBefore, countScatter } from './kernels/binnedCountMoments.js';
export type { GolombChi } from './kernels/golombChi.js';
export { golombChi } from './kernels/golombChi.js';
export { fanoFactors } from './kernels/fanoFactors.js';
export type { FftPlan } from './kernels/fftRadix2.js';
export { fftPlan, fftInPlace, isPowerOfTwo, nextPowerOfTwo } from './kernels/fftRadix2.js';
export { hannWindow } from './kernels/hannWindow.js';
export type { WelchSpectrum, WelchOptions, PowerSpectrum } from './kernels/welchSpectrum.js';
export { welchSpectrum, addWelchSamples, welchDensity } from './kernels/welchSpectrum.js';
export type { SpectralPeak } from './kernels/spectralPeak.js';
export { spectralPeak } from './kernels/spectralPeak.js';
export { blockMeans } from './kernels/blockMeans.js';
export { nextUp } from './kernels/nextUp.js';
export { SKIP_TABLE_BITS, geometricSkip, geometricSkipTable } from './kernels/geometricSkips.js';
export type { ArenaArrays, ArenaRequest } from './kernels/wasmArena.js';
export { arenaBytes, wasmArena } from './kernels/wasmArena.js';
export { compileOptimized } from './kernels/compileOptimized.js';
export type { LifClockKernel } from './kernels/lifClockWasm.js';
export { instantiateLifClock, lifClockModule } from './kernels/lifClockWasm.js';

// ── sources ────────────────────────────────────────────────────────────────
export type { SimulateOptions } from './sources/simulate.js';
export { simulate, simulateFrames } from './sources/simulate.js';
export type { SpikeArrays } from './sources/fromSpikeArrays.js';
export { fromSpikeArrays } from './sources/fromSpikeArrays.js';
export type { ReplayOptions, ReplayStateOptions } from './sources/replay.js';
export { replay, replayState } from './sources/replay.js';
export type { Inspection, RunInfo, RunTableInfo, TableFileInfo, ColumnInfo } from './cli/inspect.js';
export { inspectPath, formatInspection } from './cli/inspect.js';

// ── operators ──────────────────────────────────────────────────────────────
export type { CollectedSpikes } from './operators/collectSpikes.js';
export { collectSpikes } from './operators/collectSpikes.js';
export type { CollectedState } from './operators/collectState.js';
export { collectState } from './operators/collectState.js';
export type { FiringRatesOptions } from './operators/firingRates.js';
export { firingRates } from './operators/firingRates.js';
export type { IsiCvOptions } from './operators/isiCv.js';
export { isiCv } from './operators/isiCv.js';
export type { PopulationRateOptions } from './operators/populationRate.js';
export { populationRate } from './operators/populationRate.js';
export { selectNeurons } from './operators/selectNeurons.js';
export type { StatePairFrame, DistanceFrame } from './operators/phaseDistance.js';
export { phaseDistance, pairStateFrames } from './operators/phaseDistance.js';
export type { SynchronyOptions } from './operators/synchrony.js';
export { synchrony } from './operators/synchrony.js';
export type { PopulationSpectrumOptions, PopulationSpectrumResult } from './operators/populationSpectrum.js';
export { populationSpectrum } from './operators/populationSpectrum.js';
export type { PopulationRange, PopulationStatsOptions, PopulationStats } from './operators/populationStats.js';
export { populationStats } from './operators/populationStats.js';
export type { FanoFactorOptions, FanoFactorResult } from './operators/fanoFactor.js';
export { fanoFactor } from './operators/fanoFactor.js';
export type { PopulationAutocorrelationOptions, PopulationAutocorrelation } from './operators/populationAutocorrelation.js';
export { populationAutocorrelation } from './operators/populationAutocorrelation.js';
export { populationMean } from './operators/populationMean.js';
export type { ReplicaCorrelation } from './operators/replicaCorrelation.js';
export { replicaCorrelation } from './operators/replicaCorrelation.js';

// ── sinks ──────────────────────────────────────────────────────────────────
export type { SpikeColumns, StateColumns, ColumnArray } from './sinks/tableSchemas.js';
export { spikeSchema, stateSchema, edgeSchema, columnsToBatch, spikeFrameToBatch, stateFrameToBatch } from './sinks/tableSchemas.js';
export type { ParquetCompression } from './sinks/parquetCodec.js';
export type { ParquetPartWriterOptions, PartPosition, TimeSpan, WrittenParquetFile } from './sinks/parquetParts.js';
export { ParquetPartWriter, writeParquetFile, partFileName, listPartFiles } from './sinks/parquetParts.js';
export type { ManifestContent, ManifestPart, ManifestTable } from './sinks/manifest.js';
export { RunManifest, readManifest } from './sinks/manifest.js';
export { ArrowIpcWriter } from './sinks/arrowIpc.js';
export { readTable } from './sinks/readTable.js';
export type { WriteParquetOptions } from './sinks/writeParquet.js';
export { writeParquet } from './sinks/writeParquet.js';
export { writeArrow } from './sinks/writeArrow.js';
export type { Checkpoint } from './sinks/checkpoint.js';
export { readCheckpoint, writeCheckpoint } from './sinks/checkpoint.js';

// ── figures ────────────────────────────────────────────────────────────────
export type { RenderOptions } from './figures/render.js';
export { renderFigure, renderSvg, renderPng, compileFigure } from './figures/render.js';
export { FIGURE_CONFIG, FIGURE_FONT } from './figures/theme.js';
export { formatNumber } from './figures/formatNumber.js';
export type { AdvanceWidths } from './figures/fontMetrics.js';
export { parseAdvanceWidths, textWidthEm } from './figures/fontMetrics.js';
export type { RasterSpecOptions } from './figures/rasterSpec.js';
export { rasterSpec } from './figures/rasterSpec.js';
export type { TraceSpecOptions, TraceSeries, TraceReferenceLine, TraceMarks } from './figures/traceSpec.js';
export { traceSpec } from './figures/traceSpec.js';
export type { DistributionSpecOptions } from './figures/distributionSpec.js';
export { distributionSpec } from './figures/distributionSpec.js';
export type { XySpecOptions, XySeries } from './figures/xySpec.js';
export { xySpec } from './figures/xySpec.js';
export type { HeatmapSpecOptions } from './figures/heatmapSpec.js';
export { heatmapSpec } from './figures/heatmapSpec.js';
export type { PanelSpecOptions } from './figures/panelSpec.js';
export { panelSpec } from './figures/panelSpec.js';
export type { PathSpecOptions, PathSeries, PathLabel } from './figures/pathSpec.js';
export { pathSpec } from './figures/pathSpec.js';

// ── pool ───────────────────────────────────────────────────────────────────
export type { PoolOptions } from './pool/pool.js';
export { mapInWorkers, shareTypedArray, defaultWorkers } from './pool/pool.js';
export { resolveWorkerFile } from './pool/workerFile.js';
