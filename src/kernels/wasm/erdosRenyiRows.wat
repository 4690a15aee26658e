;; The rows of an Erdős–Rényi CSR by geometric skips (Batagelj & Brandes 2005), drawing xor4096 words exactly as
;; `erdosRenyi`'s JavaScript loop does, so the network is identical; in WebAssembly because the loop is ~10⁷ draws
;; and JavaScript spent ~20 ns on each. Pointers are byte offsets into the imported memory:
;;   state:   xor4096's 128 words X, then its index i and Weyl counter w (i32 each);
;;   table:   2¹⁶ skips (i32), one per slice of [0, 1) where the skip is constant, −1 where it is not;
;;   offsets: N + 1 row starts (i32); targets: i16 or i32 entries.
;; `skip(u)` is the exact skip for a slice the table leaves open (a logarithm, imported from JavaScript), capped so
;; that positions stay within i32.
(module
  (import "env" "memory" (memory 1))
  (import "env" "skip" (func $exactSkip (param f64) (result i32)))

  ;; Rows from..to−1 of a network of `size` neurons, without autapses: position m in [0, size − 1) enumerates the
  ;; candidates j ≠ pre. Stops before a row when fewer than size − 1 target slots are left (capacity counts
  ;; entries) and returns the next row to draw. The target count so far is offsets[from].
  (func (export "rows16") (param $size i32) (param $from i32) (param $to i32) (param $state i32) (param $table i32)
        (param $offsets i32) (param $targets i32) (param $capacity i32) (result i32)
    (local $pre i32) (local $m i32) (local $count i32) (local $candidates i32)
    (local $i i32) (local $w i32) (local $v i32) (local $t i32) (local $at i32) (local $skip i32)
    (local.set $candidates (i32.sub (local.get $size) (i32.const 1)))
    (local.set $count (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $from) (i32.const 2)))))
    (local.set $i (i32.load offset=512 (local.get $state)))
    (local.set $w (i32.load offset=516 (local.get $state)))
    (local.set $pre (local.get $from))
    (block $done
      (loop $row
        (br_if $done (i32.ge_s (local.get $pre) (local.get $to)))
        (br_if $done (i32.lt_s (i32.sub (local.get $capacity) (local.get $count)) (local.get $candidates)))
        ;; m = −1 + 1 + skip for the first target, so that a row has one draw site
        (local.set $m (i32.const -1))
        (block $full
          (loop $target
            ;; xor4096 (Brent 2006), inlined: calls cost as much as the step
            (local.set $w (i32.add (local.get $w) (i32.const 0x61c88647)))
            (local.set $v (i32.load (i32.add (local.get $state) (i32.shl (i32.and (i32.add (local.get $i) (i32.const 34)) (i32.const 127)) (i32.const 2)))))
            (local.set $i (i32.and (i32.add (local.get $i) (i32.const 1)) (i32.const 127)))
            (local.set $at (i32.add (local.get $state) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $t (i32.load (local.get $at)))
            (local.set $v (i32.xor (local.get $v) (i32.shl (local.get $v) (i32.const 13))))
            (local.set $t (i32.xor (local.get $t) (i32.shl (local.get $t) (i32.const 17))))
            (local.set $v (i32.xor (local.get $v) (i32.shr_u (local.get $v) (i32.const 15))))
            (local.set $t (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 12))))
            (local.set $v (i32.xor (local.get $v) (local.get $t)))
            (i32.store (local.get $at) (local.get $v))
            (local.set $v (i32.add (local.get $v) (i32.xor (local.get $w) (i32.shr_u (local.get $w) (i32.const 16)))))
            ;; the skip of u = v / 2³²: its slice's table entry, or the logarithm where the slice is not constant
            (local.set $skip (i32.load (i32.add (local.get $table) (i32.shl (i32.shr_u (local.get $v) (i32.const 16)) (i32.const 2)))))
            (if (i32.lt_s (local.get $skip) (i32.const 0))
              (then (local.set $skip (call $exactSkip (f64.div (f64.convert_i32_u (local.get $v)) (f64.const 4294967296))))))
            (local.set $m (i32.add (local.get $m) (i32.add (i32.const 1) (local.get $skip))))
            (br_if $full (i32.ge_s (local.get $m) (local.get $candidates)))
            (i32.store16 (i32.add (local.get $targets) (i32.shl (local.get $count) (i32.const 1)))
                       (i32.add (local.get $m) (i32.ge_s (local.get $m) (local.get $pre))))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (br $target)))
        (local.set $pre (i32.add (local.get $pre) (i32.const 1)))
        (i32.store (i32.add (local.get $offsets) (i32.shl (local.get $pre) (i32.const 2))) (local.get $count))
        (br $row)))
    (i32.store offset=512 (local.get $state) (local.get $i))
    (i32.store offset=516 (local.get $state) (local.get $w))
    (local.get $pre))

  ;; `rows16` with i32 targets.
  (func (export "rows32") (param $size i32) (param $from i32) (param $to i32) (param $state i32) (param $table i32)
        (param $offsets i32) (param $targets i32) (param $capacity i32) (result i32)
    (local $pre i32) (local $m i32) (local $count i32) (local $candidates i32)
    (local $i i32) (local $w i32) (local $v i32) (local $t i32) (local $at i32) (local $skip i32)
    (local.set $candidates (i32.sub (local.get $size) (i32.const 1)))
    (local.set $count (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $from) (i32.const 2)))))
    (local.set $i (i32.load offset=512 (local.get $state)))
    (local.set $w (i32.load offset=516 (local.get $state)))
    (local.set $pre (local.get $from))
    (block $done
      (loop $row
        (br_if $done (i32.ge_s (local.get $pre) (local.get $to)))
        (br_if $done (i32.lt_s (i32.sub (local.get $capacity) (local.get $count)) (local.get $candidates)))
        ;; m = −1 + 1 + skip for the first target, so that a row has one draw site
        (local.set $m (i32.const -1))
        (block $full
          (loop $target
            ;; xor4096 (Brent 2006), inlined: calls cost as much as the step
            (local.set $w (i32.add (local.get $w) (i32.const 0x61c88647)))
            (local.set $v (i32.load (i32.add (local.get $state) (i32.shl (i32.and (i32.add (local.get $i) (i32.const 34)) (i32.const 127)) (i32.const 2)))))
            (local.set $i (i32.and (i32.add (local.get $i) (i32.const 1)) (i32.const 127)))
            (local.set $at (i32.add (local.get $state) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $t (i32.load (local.get $at)))
            (local.set $v (i32.xor (local.get $v) (i32.shl (local.get $v) (i32.const 13))))
            (local.set $t (i32.xor (local.get $t) (i32.shl (local.get $t) (i32.const 17))))
            (local.set $v (i32.xor (local.get $v) (i32.shr_u (local.get $v) (i32.const 15))))
            (local.set $t (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 12))))
            (local.set $v (i32.xor (local.get $v) (local.get $t)))
            (i32.store (local.get $at) (local.get $v))
            (local.set $v (i32.add (local.get $v) (i32.xor (local.get $w) (i32.shr_u (local.get $w) (i32.const 16)))))
            ;; the skip of u = v / 2³²: its slice's table entry, or the logarithm where the slice is not constant
            (local.set $skip (i32.load (i32.add (local.get $table) (i32.shl (i32.shr_u (local.get $v) (i32.const 16)) (i32.const 2)))))
            (if (i32.lt_s (local.get $skip) (i32.const 0))
              (then (local.set $skip (call $exactSkip (f64.div (f64.convert_i32_u (local.get $v)) (f64.const 4294967296))))))
            (local.set $m (i32.add (local.get $m) (i32.add (i32.const 1) (local.get $skip))))
            (br_if $full (i32.ge_s (local.get $m) (local.get $candidates)))
            (i32.store (i32.add (local.get $targets) (i32.shl (local.get $count) (i32.const 2)))
                     (i32.add (local.get $m) (i32.ge_s (local.get $m) (local.get $pre))))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (br $target)))
        (local.set $pre (i32.add (local.get $pre) (i32.const 1)))
        (i32.store (i32.add (local.get $offsets) (i32.shl (local.get $pre) (i32.const 2))) (local.get $count))
        (br $row)))
    (i32.store offset=512 (local.get $state) (local.get $i))
    (i32.store offset=516 (local.get $state) (local.get $w))
    (local.get $pre)))
