;; The clock-driven LIF step of ClockLifEngine and ParallelClockLifEngine, in WebAssembly so that the update loop
;; runs two neurons per instruction (f64x2) and delivery has no bounds checks. Arithmetic is the scalar
;; expression V + rate·(drive − V), lane by lane, so results are bit-identical to the JavaScript loops.
;; Pointers are byte offsets into the imported memory, which is shared so that partition threads can use it.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; V ← V + rate·(drive − V) for the n potentials at v; appends base + i to the i32 list at `list` for every
  ;; neuron with V ≥ threshold, in increasing i; returns how many were appended.
  (func (export "update") (param $v i32) (param $n i32) (param $rate f64) (param $drive f64) (param $threshold f64)
        (param $list i32) (param $base i32) (result i32)
    (local $i i32) (local $pairs i32) (local $addr i32) (local $count i32) (local $s f64)
    (local $x v128) (local $r v128) (local $d v128) (local $t v128)
    (local.set $r (f64x2.splat (local.get $rate)))
    (local.set $d (f64x2.splat (local.get $drive)))
    (local.set $t (f64x2.splat (local.get $threshold)))
    (local.set $pairs (i32.and (local.get $n) (i32.const -2)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $pairs)))
        (local.set $addr (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $x (v128.load (local.get $addr)))
        (local.set $x (f64x2.add (local.get $x) (f64x2.mul (local.get $r) (f64x2.sub (local.get $d) (local.get $x)))))
        (v128.store (local.get $addr) (local.get $x))
        ;; crossings are rare (≈ 0.1 % of updates), so one well-predicted test covers both lanes
        (if (v128.any_true (f64x2.ge (local.get $x) (local.get $t)))
          (then
            (if (f64.ge (f64x2.extract_lane 0 (local.get $x)) (local.get $threshold))
              (then
                (i32.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))) (i32.add (local.get $base) (local.get $i)))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))))
            (if (f64.ge (f64x2.extract_lane 1 (local.get $x)) (local.get $threshold))
              (then
                (i32.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2)))
                           (i32.add (local.get $base) (i32.add (local.get $i) (i32.const 1))))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))))))
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

  ;; For each of the `count` presynaptic neurons in the i32 list, V[t] += weight for every target t of its CSR
  ;; row (offsets: i32, targets relative to v). One function per target width and weight kind.
  (func (export "deliverUniform16") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weight f64)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (i32.const 2))))
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

  (func (export "deliverUniform32") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weight f64)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (i32.const 2))))
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

  (func (export "deliverWeighted16") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weights i32)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (i32.const 2))))
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

  (func (export "deliverWeighted32") (param $v i32) (param $list i32) (param $count i32) (param $offsets i32) (param $targets i32)
        (param $weights i32)
    (local $s i32) (local $k i32) (local $last i32) (local $row i32) (local $addr i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (local.set $row (i32.add (local.get $offsets) (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (i32.const 2))))
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
  (func (export "reset") (param $v i32) (param $list i32) (param $count i32) (param $base i32) (param $value f64)
    (local $s i32)
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (f64.store
          (i32.add (local.get $v) (i32.shl (i32.sub (i32.load (i32.add (local.get $list) (i32.shl (local.get $s) (i32.const 2)))) (local.get $base)) (i32.const 3)))
          (local.get $value))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $spike))))
)
