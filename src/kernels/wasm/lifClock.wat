;; The clock-driven LIF step of ClockLifEngine and ParallelClockLifEngine, in WebAssembly so that the update loop
;; runs two neurons per instruction (f64x2) and delivery has no bounds checks, and (`run`) so that whole chunks of
;; steps, barrier included, run without returning to JavaScript. Arithmetic is the scalar expression
;; V + rate·(drive − V), lane by lane, so results are bit-identical to the JavaScript loops.
;; Pointers are byte offsets into the imported memory, which is shared so that partition threads can use it.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; V ← V + rate·(drive − V) for the n potentials at v; appends base + i to the i32 list at `list` for every
  ;; neuron with V ≥ threshold, in increasing i; returns how many were appended.
  (func $update (export "update") (param $v i32) (param $n i32) (param $rate f64) (param $drive f64) (param $threshold f64)
        (param $list i32) (param $base i32) (result i32)
    (local $i i32) (local $octs i32) (local $pairs i32) (local $addr i32) (local $count i32) (local $s f64)
    (local $x v128) (local $y v128) (local $z v128) (local $w v128) (local $r v128) (local $d v128) (local $t v128)
    (local.set $r (f64x2.splat (local.get $rate)))
    (local.set $d (f64x2.splat (local.get $drive)))
    (local.set $t (f64x2.splat (local.get $threshold)))
    (local.set $octs (i32.and (local.get $n) (i32.const -8)))
    (local.set $pairs (i32.and (local.get $n) (i32.const -2)))
    ;; eight neurons per iteration, and one well-predicted test for all eight: crossings are rare (≈ 0.1 % of updates)
    (block $octsDone
      (loop $oct
        (br_if $octsDone (i32.ge_u (local.get $i) (local.get $octs)))
        (local.set $addr (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $x (v128.load (local.get $addr)))
        (local.set $y (v128.load offset=16 (local.get $addr)))
        (local.set $z (v128.load offset=32 (local.get $addr)))
        (local.set $w (v128.load offset=48 (local.get $addr)))
        (local.set $x (f64x2.add (local.get $x) (f64x2.mul (local.get $r) (f64x2.sub (local.get $d) (local.get $x)))))
        (local.set $y (f64x2.add (local.get $y) (f64x2.mul (local.get $r) (f64x2.sub (local.get $d) (local.get $y)))))
        (local.set $z (f64x2.add (local.get $z) (f64x2.mul (local.get $r) (f64x2.sub (local.get $d) (local.get $z)))))
        (local.set $w (f64x2.add (local.get $w) (f64x2.mul (local.get $r) (f64x2.sub (local.get $d) (local.get $w)))))
        (v128.store (local.get $addr) (local.get $x))
        (v128.store offset=16 (local.get $addr) (local.get $y))
        (v128.store offset=32 (local.get $addr) (local.get $z))
        (v128.store offset=48 (local.get $addr) (local.get $w))
        (if (v128.any_true (v128.or (v128.or (f64x2.ge (local.get $x) (local.get $t)) (f64x2.ge (local.get $y) (local.get $t)))
                                    (v128.or (f64x2.ge (local.get $z) (local.get $t)) (f64x2.ge (local.get $w) (local.get $t)))))
          (then
            (local.set $count (call $append (local.get $list) (local.get $count) (local.get $base) (local.get $i) (f64x2.ge (local.get $x) (local.get $t))))
            (local.set $count (call $append (local.get $list) (local.get $count) (local.get $base) (i32.add (local.get $i) (i32.const 2)) (f64x2.ge (local.get $y) (local.get $t))))
            (local.set $count (call $append (local.get $list) (local.get $count) (local.get $base) (i32.add (local.get $i) (i32.const 4)) (f64x2.ge (local.get $z) (local.get $t))))
            (local.set $count (call $append (local.get $list) (local.get $count) (local.get $base) (i32.add (local.get $i) (i32.const 6)) (f64x2.ge (local.get $w) (local.get $t))))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $oct)))
    (block $pairsDone
      (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $i) (local.get $pairs)))
        (local.set $addr (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $x (v128.load (local.get $addr)))
        (local.set $x (f64x2.add (local.get $x) (f64x2.mul (local.get $r) (f64x2.sub (local.get $d) (local.get $x)))))
        (v128.store (local.get $addr) (local.get $x))
        (local.set $count (call $append (local.get $list) (local.get $count) (local.get $base) (local.get $i) (f64x2.ge (local.get $x) (local.get $t))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair)))
    (if (i32.lt_u (local.get $i) (local.get $n))
      (then
        (local.set $addr (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $s (f64.load (local.get $addr)))
        (local.set $s (f64.add (local.get $s) (f64.mul (local.get $rate) (f64.sub (local.get $drive) (local.get $s)))))
        (f64.store (local.get $addr) (local.get $s))
        (if (f64.ge (local.get $s) (local.get $threshold))
          (then
            (i32.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))) (i32.add (local.get $base) (local.get $i)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))))
    (local.get $count))

  ;; Appends base + i and base + i + 1 to the list for the lanes of `hit` that are set, in lane order.
  (func $append (param $list i32) (param $count i32) (param $base i32) (param $i i32) (param $hit v128) (result i32)
    (if (i32x4.extract_lane 0 (local.get $hit))
      (then
        (i32.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))) (i32.add (local.get $base) (local.get $i)))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (if (i32x4.extract_lane 2 (local.get $hit))
      (then
        (i32.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))) (i32.add (local.get $base) (i32.add (local.get $i) (i32.const 1))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (local.get $count))

  ;; For each of the `count` presynaptic neurons in the i32 list, V[t] += weight for every target t of its CSR
  ;; row (targets relative to v). Row `pre` spans [offsets[pre], offsets[pre] + 1) of i32 entries `rowBytes`
  ;; apart: 4 for a CSR's offsets, 4·(parts + 1) for one partition's column of a table of row cuts (see
  ;; lifPartition.ts). One function per target width and weight kind.
  (func $deliverUniform16 (export "deliverUniform16") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weight f64) (param $rowBytes i32)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.mul (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $k (i32.load (local.get $row)))
        (local.set $last (i32.load offset=4 (local.get $row)))
        (block $rowDone
          (loop $target
            (br_if $rowDone (i32.ge_u (local.get $k) (local.get $last)))
            (local.set $addr (i32.add (local.get $v) (i32.shl (i32.load16_u (i32.add (local.get $targets) (i32.shl (local.get $k) (i32.const 1)))) (i32.const 3))))
            (f64.store (local.get $addr) (f64.add (f64.load (local.get $addr)) (local.get $weight)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $target)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $spike))))

  (func $deliverUniform32 (export "deliverUniform32") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weight f64) (param $rowBytes i32)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.mul (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $k (i32.load (local.get $row)))
        (local.set $last (i32.load offset=4 (local.get $row)))
        (block $rowDone
          (loop $target
            (br_if $rowDone (i32.ge_u (local.get $k) (local.get $last)))
            (local.set $addr (i32.add (local.get $v) (i32.shl (i32.load (i32.add (local.get $targets) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
            (f64.store (local.get $addr) (f64.add (f64.load (local.get $addr)) (local.get $weight)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $target)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $spike))))

  (func $deliverWeighted16 (export "deliverWeighted16") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weights i32) (param $rowBytes i32)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.mul (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $k (i32.load (local.get $row)))
        (local.set $last (i32.load offset=4 (local.get $row)))
        (block $rowDone
          (loop $target
            (br_if $rowDone (i32.ge_u (local.get $k) (local.get $last)))
            (local.set $addr (i32.add (local.get $v) (i32.shl (i32.load16_u (i32.add (local.get $targets) (i32.shl (local.get $k) (i32.const 1)))) (i32.const 3))))
            (f64.store (local.get $addr)
                       (f64.add (f64.load (local.get $addr)) (f64.load (i32.add (local.get $weights) (i32.shl (local.get $k) (i32.const 3))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $target)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $spike))))

  (func $deliverWeighted32 (export "deliverWeighted32") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weights i32) (param $rowBytes i32)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.mul (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $k (i32.load (local.get $row)))
        (local.set $last (i32.load offset=4 (local.get $row)))
        (block $rowDone
          (loop $target
            (br_if $rowDone (i32.ge_u (local.get $k) (local.get $last)))
            (local.set $addr (i32.add (local.get $v) (i32.shl (i32.load (i32.add (local.get $targets) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
            (f64.store (local.get $addr)
                       (f64.add (f64.load (local.get $addr)) (f64.load (i32.add (local.get $weights) (i32.shl (local.get $k) (i32.const 3))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $target)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $spike))))

  ;; V[list[k] − base] ← value for the `count` neurons of the list (the reset after delivery).
  (func $reset (export "reset") (param $v i32) (param $list i32) (param $count i32) (param $base i32) (param $value f64)
    (local $s i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (f64.store
          (i32.add (local.get $v) (i32.shl (i32.sub (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (local.get $base)) (i32.const 3)))
          (local.get $value))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $spike))))

  ;; Control slots (i32) shared with src/engines/threadBarrier.ts.
  (global $ARRIVED i32 (i32.const 0))
  (global $PHASE i32 (i32.const 4))
  (global $FAILED i32 (i32.const 28))

  ;; The sense-reversing barrier of threadBarrier.ts, same slots and protocol, so that JavaScript and wasm threads
  ;; can meet at it: spin on an atomic load, block (1 ms timeouts) after 20 000 spins. Returns 0, or 1 when a
  ;; thread has marked the group failed.
  (func $barrier (param $control i32) (param $parts i32) (result i32)
    (local $phase i32) (local $spins i32)
    (local.set $phase (i32.atomic.load (i32.add (local.get $control) (global.get $PHASE))))
    (if (i32.eq (i32.atomic.rmw.add (i32.add (local.get $control) (global.get $ARRIVED)) (i32.const 1))
                (i32.sub (local.get $parts) (i32.const 1)))
      (then
        (i32.atomic.store (i32.add (local.get $control) (global.get $ARRIVED)) (i32.const 0))
        (drop (i32.atomic.rmw.add (i32.add (local.get $control) (global.get $PHASE)) (i32.const 1)))
        (drop (memory.atomic.notify (i32.add (local.get $control) (global.get $PHASE)) (i32.const 0x7fffffff)))
        (return (i32.const 0))))
    (block $passed
      (loop $spin
        (br_if $passed (i32.ne (i32.atomic.load (i32.add (local.get $control) (global.get $PHASE))) (local.get $phase)))
        (local.set $spins (i32.add (local.get $spins) (i32.const 1)))
        (if (i32.gt_u (local.get $spins) (i32.const 20000))
          (then
            (if (i32.atomic.load (i32.add (local.get $control) (global.get $FAILED))) (then (return (i32.const 1))))
            (drop (memory.atomic.wait32 (i32.add (local.get $control) (global.get $PHASE)) (local.get $phase) (i64.const 1000000)))))
        (br $spin)))
    (i32.const 0))

  ;; Runs `steps` steps of one partition in lockstep with the others, as runPartitionSteps in parallelLifSteps.ts
  ;; does step by step from JavaScript: update and threshold, barrier, delivery of every partition's spikes (in
  ;; partition order) to own targets, reset. The partition is described by a frame at $frame (layout in
  ;; lifClockWasm.ts). A frame with an output capacity also copies every partition's spikes of each step to the
  ;; output columns (neuron i32, step f64), and stops early, before a step that might not fit, so that the caller
  ;; can empty them. Returns the steps run, or −1 when a thread failed.
  (func (export "run") (param $frame i32) (param $parity i32) (param $steps i32) (param $firstStep i32) (result i32)
    (local $rate f64) (local $drive f64) (local $threshold f64) (local $resetValue f64) (local $weight f64)
    (local $v i32) (local $n i32) (local $low i32) (local $kind i32) (local $weights i32) (local $offsets i32)
    (local $targets i32) (local $lists i32) (local $size i32) (local $counts i32) (local $bounds i32) (local $parts i32)
    (local $index i32) (local $control i32) (local $outNeurons i32) (local $outSteps i32) (local $outCapacity i32)
    (local $outCount i32)
    (local $s i32) (local $half i32) (local $own i32) (local $count i32) (local $q i32) (local $arrived i32)
    (local $from i32) (local $k i32) (local $stepValue f64) (local $countsRow i32)
    (local $deliveryV i32) (local $rowBytes i32)
    (local.set $rate (f64.load offset=0 (local.get $frame)))
    (local.set $drive (f64.load offset=8 (local.get $frame)))
    (local.set $threshold (f64.load offset=16 (local.get $frame)))
    (local.set $resetValue (f64.load offset=24 (local.get $frame)))
    (local.set $weight (f64.load offset=32 (local.get $frame)))
    (local.set $v (i32.load offset=40 (local.get $frame)))
    (local.set $n (i32.load offset=44 (local.get $frame)))
    (local.set $low (i32.load offset=48 (local.get $frame)))
    (local.set $kind (i32.load offset=52 (local.get $frame)))
    (local.set $weights (i32.load offset=56 (local.get $frame)))
    (local.set $offsets (i32.load offset=60 (local.get $frame)))
    (local.set $targets (i32.load offset=64 (local.get $frame)))
    (local.set $lists (i32.load offset=68 (local.get $frame)))
    (local.set $size (i32.load offset=72 (local.get $frame)))
    (local.set $counts (i32.load offset=76 (local.get $frame)))
    (local.set $bounds (i32.load offset=80 (local.get $frame)))
    (local.set $parts (i32.load offset=84 (local.get $frame)))
    (local.set $index (i32.load offset=88 (local.get $frame)))
    (local.set $control (i32.load offset=92 (local.get $frame)))
    (local.set $outNeurons (i32.load offset=96 (local.get $frame)))
    (local.set $outSteps (i32.load offset=100 (local.get $frame)))
    (local.set $outCapacity (i32.load offset=104 (local.get $frame)))
    (local.set $outCount (i32.load offset=108 (local.get $frame)))
    (local.set $deliveryV (i32.load offset=112 (local.get $frame)))
    (local.set $rowBytes (i32.load offset=116 (local.get $frame)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $s) (local.get $steps)))
        (br_if $done (i32.and (i32.ne (local.get $outCapacity) (i32.const 0))
                              (i32.gt_u (i32.add (local.get $outCount) (local.get $size)) (local.get $outCapacity))))
        (local.set $half (i32.add (local.get $lists) (i32.shl (i32.mul (local.get $parity) (local.get $size)) (i32.const 2))))
        (local.set $own (i32.add (local.get $half) (i32.shl (local.get $low) (i32.const 2))))
        (local.set $countsRow (i32.add (local.get $counts) (i32.shl (i32.mul (local.get $parity) (local.get $parts)) (i32.const 2))))
        (local.set $count
          (call $update (local.get $v) (local.get $n) (local.get $rate) (local.get $drive) (local.get $threshold) (local.get $own) (local.get $low)))
        (i32.store (i32.add (local.get $countsRow) (i32.shl (local.get $index) (i32.const 2))) (local.get $count))
        (if (call $barrier (local.get $control) (local.get $parts)) (then (return (i32.const -1))))
        (local.set $q (i32.const 0))
        (block $delivered
          (loop $partition
            (br_if $delivered (i32.ge_u (local.get $q) (local.get $parts)))
            (local.set $arrived (i32.load (i32.add (local.get $countsRow) (i32.shl (local.get $q) (i32.const 2)))))
            (if (local.get $arrived)
              (then
                (local.set $from (i32.add (local.get $half) (i32.shl (i32.load (i32.add (local.get $bounds) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))))
                (block $kinds
                  (block $w32
                    (block $w16
                      (block $u32
                        (block $u16
                          (br_table $u16 $u32 $w16 $w32 (local.get $kind)))
                        (call $deliverUniform16 (local.get $deliveryV) (local.get $from) (local.get $arrived) (local.get $offsets) (local.get $targets) (local.get $weight)
                              (local.get $rowBytes))
                        (br $kinds))
                      (call $deliverUniform32 (local.get $deliveryV) (local.get $from) (local.get $arrived) (local.get $offsets) (local.get $targets) (local.get $weight)
                              (local.get $rowBytes))
                      (br $kinds))
                    (call $deliverWeighted16 (local.get $deliveryV) (local.get $from) (local.get $arrived) (local.get $offsets) (local.get $targets) (local.get $weights)
                              (local.get $rowBytes))
                    (br $kinds))
                  (call $deliverWeighted32 (local.get $deliveryV) (local.get $from) (local.get $arrived) (local.get $offsets) (local.get $targets) (local.get $weights)
                              (local.get $rowBytes)))
                (if (local.get $outCapacity)
                  (then
                    (local.set $stepValue (f64.convert_i32_s (i32.add (local.get $firstStep) (local.get $s))))
                    (local.set $k (i32.const 0))
                    (block $copied
                      (loop $copy
                        (br_if $copied (i32.ge_u (local.get $k) (local.get $arrived)))
                        (i32.store (i32.add (local.get $outNeurons) (i32.shl (local.get $outCount) (i32.const 2)))
                                   (i32.load (i32.add (local.get $from) (i32.shl (local.get $k) (i32.const 2)))))
                        (f64.store (i32.add (local.get $outSteps) (i32.shl (local.get $outCount) (i32.const 3))) (local.get $stepValue))
                        (local.set $outCount (i32.add (local.get $outCount) (i32.const 1)))
                        (local.set $k (i32.add (local.get $k) (i32.const 1)))
                        (br $copy)))))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $partition)))
        (call $reset (local.get $v) (local.get $own) (local.get $count) (local.get $low) (local.get $resetValue))
        (local.set $parity (i32.xor (local.get $parity) (i32.const 1)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $step)))
    (i32.store offset=108 (local.get $frame) (local.get $outCount))
    (local.get $s))
)
