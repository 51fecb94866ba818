;; The tagger's arithmetic and lookups, in WebAssembly: compiled at once when loaded, this code
;; runs at full speed on the first sentence, where JavaScript would still be interpreted (every
;; typed-array access an inline-cache call, every float a boxed number). It computes exactly what
;; the JavaScript of features.ts defines, with the same float operations in the same order.
;; Compiled to src/pos/core-wasm.ts by `npm run compile:pos`.
;;
;; Memory holds the compiled tables (tables.ts, common-words.ts) as loaded from their files, and
;; structures the JavaScript side (core.ts, tagger.ts) lays out:
;;   string table  at t:  0 slots, 4 slot mask, 8 stringStart, 12 chars (addresses; u16 chars)
;;   pass          at p:  the string table, then 16 featureStart, 20 featureKind, 24 featureRow,
;;                        28 tupleSlots, 32 tuple mask, 36 tupleKeys, 40 tupleRows,
;;                        44 t1, 48 t2, 52 t12, 56 n1, 60 n2, 64 n12, 68 t1n1, 72 a0 (tag tables),
;;                        76 rowStart, 80 columns, 84 values (i16), 88 labels n, 92 tags T, 96 bias row,
;;                        100 hyphen row, 104 tag-pair sums (f64, T*T*n), 108 their done flags (u8),
;;                        112 scores (f64, n), 116 verb labels (bits), 120 1 / scale (f64)
;;   word record   at r:  0 word id, 4 class id, 8 first row, 12 inner row, 16 allowed labels (bits),
;;                        20 has a mask, 24 after-verb clitic, 32 sums (f32, 5*n: offsets -2, -1, 0, 1, 2)
;; A string's features are (kind, row) pairs; the kinds of tables.ts, those joining a tag and the
;; string being 32 + tag (t1w), 64 + tag (t1c), 96 + tag (n1w).
;; A row, block or id of -1 is "none".
;; Sorted TSV files (sorted-lines.ts) are searched in memory too, by the UTF-8 bytes of a key.
(module
  (memory (export "memory") 1)

  (func $finish (param $h i32) (result i32)
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0x45d9f3b)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))

  ;; the hash of string-table.ts's hashRange, over key[start, end) (u16 units)
  (func $hashRange (param $key i32) (param $start i32) (param $end i32) (result i32)
    (local $h i32)
    (local.set $h (i32.const 0x811c9dc5))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $start) (local.get $end)))
        (local.set $h (i32.mul
          (i32.xor (local.get $h) (i32.load16_u (i32.add (local.get $key) (i32.shl (local.get $start) (i32.const 1)))))
          (i32.const 0x01000193)))
        (local.set $start (i32.add (local.get $start) (i32.const 1)))
        (br $next)))
    (call $finish (local.get $h)))

  (func $hashInts (param $a i32) (param $b i32) (param $c i32) (param $d i32) (result i32)
    (local $h i32)
    (local.set $h (i32.mul (i32.xor (i32.const 0x811c9dc5) (local.get $a)) (i32.const 0x01000193)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $b)) (i32.const 0x01000193)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $c)) (i32.const 0x01000193)))
    (call $finish (i32.mul (i32.xor (local.get $h) (local.get $d)) (i32.const 0x01000193))))

  ;; id of key[start, end) in the string table at $t, -1 when absent
  (func $find (export "find") (param $t i32) (param $key i32) (param $start i32) (param $end i32) (result i32)
    (local $mask i32) (local $at i32) (local $id i32) (local $from i32) (local $length i32) (local $i i32)
    (local $slots i32) (local $starts i32) (local $chars i32) (local $k i32)
    (local.set $slots (i32.load (local.get $t)))
    (local.set $mask (i32.load offset=4 (local.get $t)))
    (local.set $starts (i32.load offset=8 (local.get $t)))
    (local.set $chars (i32.load offset=12 (local.get $t)))
    (local.set $length (i32.sub (local.get $end) (local.get $start)))
    (local.set $k (i32.add (local.get $key) (i32.shl (local.get $start) (i32.const 1))))
    (local.set $at (i32.and (call $hashRange (local.get $key) (local.get $start) (local.get $end)) (local.get $mask)))
    (loop $probe
      (local.set $id (i32.load (i32.add (local.get $slots) (i32.shl (local.get $at) (i32.const 2)))))
      (if (i32.lt_s (local.get $id) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $from (i32.load (i32.add (local.get $starts) (i32.shl (local.get $id) (i32.const 2)))))
      (if (i32.eq
            (i32.sub (i32.load offset=4 (i32.add (local.get $starts) (i32.shl (local.get $id) (i32.const 2)))) (local.get $from))
            (local.get $length))
        (then
          (local.set $from (i32.add (local.get $chars) (i32.shl (local.get $from) (i32.const 1))))
          (local.set $i (i32.const 0))
          (block $differ
            (loop $char
              (if (i32.eq (local.get $i) (local.get $length)) (then (return (local.get $id))))
              (br_if $differ (i32.ne
                (i32.load16_u (i32.add (local.get $from) (i32.shl (local.get $i) (i32.const 1))))
                (i32.load16_u (i32.add (local.get $k) (i32.shl (local.get $i) (i32.const 1))))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $char)))))
      (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (local.get $mask)))
      (br $probe))
    (i32.const -1))

  ;; id of key[0, length) in the string table at $t; -1 when absent, -2 when the key holds a
  ;; UTF-16 surrogate (the common words leave such keys to the files: common-words.ts)
  (func (export "findWord") (param $t i32) (param $key i32) (param $length i32) (result i32)
    (local $i i32)
    (block $plain
      (loop $char
        (br_if $plain (i32.ge_s (local.get $i) (local.get $length)))
        (if (i32.eq (i32.and (i32.load16_u (i32.add (local.get $key) (i32.shl (local.get $i) (i32.const 1)))) (i32.const 0xf800)) (i32.const 0xd800))
          (then (return (i32.const -2))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $char)))
    (call $find (local.get $t) (local.get $key) (i32.const 0) (local.get $length)))

  ;; the row of a string's one-string feature of that kind (or its tag block), -1 when none
  (func $featureOf (export "featureOf") (param $p i32) (param $id i32) (param $kind i32) (result i32)
    (local $e i32) (local $end i32) (local $kinds i32) (local $k i32)
    (if (i32.lt_s (local.get $id) (i32.const 0)) (then (return (i32.const -1))))
    (local.set $e (i32.load (i32.add (i32.load offset=16 (local.get $p)) (i32.shl (local.get $id) (i32.const 2)))))
    (local.set $end (i32.load offset=4 (i32.add (i32.load offset=16 (local.get $p)) (i32.shl (local.get $id) (i32.const 2)))))
    (local.set $kinds (i32.load offset=20 (local.get $p)))
    ;; a string's features are sorted by kind: stop at the first kind past the one sought
    (block $none
      (loop $next
        (br_if $none (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $k (i32.load8_u (i32.add (local.get $kinds) (local.get $e))))
        (if (i32.eq (local.get $k) (local.get $kind))
          (then (return (i32.load (i32.add (i32.load offset=24 (local.get $p)) (i32.shl (local.get $e) (i32.const 2)))))))
        (br_if $none (i32.gt_u (local.get $k) (local.get $kind)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $next)))
    (i32.const -1))

  ;; the row of a feature joining strings ($c = -1 for two), -1 when none
  (func $tupleRow (export "tupleRow") (param $p i32) (param $kind i32) (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local $mask i32) (local $at i32) (local $e i32) (local $k i32) (local $ab i32) (local $ck i32)
    (if (i32.or (i32.lt_s (local.get $a) (i32.const 0)) (i32.lt_s (local.get $b) (i32.const 0))) (then (return (i32.const -1))))
    (local.set $mask (i32.load offset=32 (local.get $p)))
    ;; keys as tables.ts packs them: a | b << 16, c + 1 | kind << 16
    (local.set $ab (i32.or (local.get $a) (i32.shl (local.get $b) (i32.const 16))))
    (local.set $ck (i32.or (i32.add (local.get $c) (i32.const 1)) (i32.shl (local.get $kind) (i32.const 16))))
    (local.set $at (i32.and (call $hashInts (local.get $kind) (local.get $a) (local.get $b) (local.get $c)) (local.get $mask)))
    (loop $probe
      (local.set $e (i32.load (i32.add (i32.load offset=28 (local.get $p)) (i32.shl (local.get $at) (i32.const 2)))))
      (if (i32.lt_s (local.get $e) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $k (i32.add (i32.load offset=36 (local.get $p)) (i32.shl (local.get $e) (i32.const 3))))
      (if (i32.and (i32.eq (i32.load (local.get $k)) (local.get $ab)) (i32.eq (i32.load offset=4 (local.get $k)) (local.get $ck)))
        (then (return (i32.load (i32.add (i32.load offset=40 (local.get $p)) (i32.shl (local.get $e) (i32.const 2)))))))
      (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (local.get $mask)))
      (br $probe))
    (i32.const -1))

  ;; float32 sums at $dst += the row's weights (as JavaScript does it: in float64, stored back rounded)
  (func $add32 (param $p i32) (param $dst i32) (param $row i32)
    (local $e i32) (local $end i32) (local $at i32) (local $columns i32) (local $values i32) (local $inverse f64)
    (if (i32.lt_s (local.get $row) (i32.const 0)) (then (return)))
    (local.set $inverse (f64.load offset=120 (local.get $p)))
    (local.set $columns (i32.load offset=80 (local.get $p)))
    (local.set $values (i32.load offset=84 (local.get $p)))
    (local.set $at (i32.add (i32.load offset=76 (local.get $p)) (i32.shl (local.get $row) (i32.const 2))))
    (local.set $e (i32.load (local.get $at)))
    (local.set $end (i32.load offset=4 (local.get $at)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $at (i32.add (local.get $dst) (i32.shl (i32.load8_u (i32.add (local.get $columns) (local.get $e))) (i32.const 2))))
        (f32.store (local.get $at) (f32.demote_f64 (f64.add
          (f64.promote_f32 (f32.load (local.get $at)))
          ;; weight e: the float32 nearest its stored value times 1 / scale (decodeModels's Float32Array)
          (f64.promote_f32 (f32.demote_f64 (f64.mul
            (f64.convert_i32_s (i32.load16_s (i32.add (local.get $values) (i32.shl (local.get $e) (i32.const 1)))))
            (local.get $inverse)))))))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $next))))

  ;; float64 scores at $dst += the row's weights
  (func $add64 (param $p i32) (param $dst i32) (param $row i32)
    (local $e i32) (local $end i32) (local $at i32) (local $columns i32) (local $values i32) (local $inverse f64)
    (if (i32.lt_s (local.get $row) (i32.const 0)) (then (return)))
    (local.set $inverse (f64.load offset=120 (local.get $p)))
    (local.set $columns (i32.load offset=80 (local.get $p)))
    (local.set $values (i32.load offset=84 (local.get $p)))
    (local.set $at (i32.add (i32.load offset=76 (local.get $p)) (i32.shl (local.get $row) (i32.const 2))))
    (local.set $e (i32.load (local.get $at)))
    (local.set $end (i32.load offset=4 (local.get $at)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $at (i32.add (local.get $dst) (i32.shl (i32.load8_u (i32.add (local.get $columns) (local.get $e))) (i32.const 3))))
        (f64.store (local.get $at) (f64.add
          (f64.load (local.get $at))
          (f64.promote_f32 (f32.demote_f64 (f64.mul
            (f64.convert_i32_s (i32.load16_s (i32.add (local.get $values) (i32.shl (local.get $e) (i32.const 1)))))
            (local.get $inverse))))))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $next))))

  ;; A word's record at $r from its strings, laid one after the other at $key (u16 units): the
  ;; lower-cased form ($L units), the form ($F), the shape ($S), the lexicon class ($C). Rows are
  ;; added in the order of features.ts's wordFeatures: float sums depend on it.
  (func (export "prepare") (param $p i32) (param $r i32) (param $key i32)
      (param $L i32) (param $F i32) (param $S i32) (param $C i32)
      (param $formDiffers i32) (param $hyphen i32) (param $mask i32) (param $hasMask i32) (param $afterVerb i32)
    (local $n4 i32) (local $sums i32) (local $at i32) (local $word i32) (local $class i32) (local $shape i32) (local $end3 i32)
    (local $k i32) (local $initial i32)
    (local.set $n4 (i32.shl (i32.load offset=88 (local.get $p)) (i32.const 2)))
    (local.set $sums (i32.add (local.get $r) (i32.const 32)))
    (memory.fill (local.get $sums) (i32.const 0) (i32.mul (local.get $n4) (i32.const 5)))
    (local.set $word (call $find (local.get $p) (local.get $key) (i32.const 0) (local.get $L)))
    (local.set $shape (call $find (local.get $p) (local.get $key)
      (i32.add (local.get $L) (local.get $F)) (i32.add (i32.add (local.get $L) (local.get $F)) (local.get $S))))
    (local.set $class (call $find (local.get $p) (local.get $key)
      (i32.add (i32.add (local.get $L) (local.get $F)) (local.get $S))
      (i32.add (i32.add (i32.add (local.get $L) (local.get $F)) (local.get $S)) (local.get $C))))
    ;; the last three characters (or the whole word): read at offsets -1, 1 and with the class
    (local.set $end3 (if (result i32) (i32.gt_s (local.get $L) (i32.const 3))
      (then (call $find (local.get $p) (local.get $key) (i32.sub (local.get $L) (i32.const 3)) (local.get $L)))
      (else (local.get $word))))
    ;; offset 0
    (local.set $at (i32.add (local.get $sums) (i32.shl (local.get $n4) (i32.const 1))))
    (call $add32 (local.get $p) (local.get $at) (i32.load offset=96 (local.get $p)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $word) (i32.const 0)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $shape) (i32.const 10)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $class) (i32.const 13)))
    (if (local.get $formDiffers)
      (then (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p)
        (call $find (local.get $p) (local.get $key) (local.get $L) (i32.add (local.get $L) (local.get $F))) (i32.const 5)))))
    ;; endings of 1…5 characters, shorter than the word
    (local.set $k (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.or (i32.gt_s (local.get $k) (i32.const 5)) (i32.ge_s (local.get $k) (local.get $L))))
        (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p)
          (if (result i32) (i32.eq (local.get $k) (i32.const 3))
            (then (local.get $end3))
            (else (call $find (local.get $p) (local.get $key) (i32.sub (local.get $L) (local.get $k)) (local.get $L))))
          (i32.const 6)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    ;; beginnings of 1…3 characters, shorter than the word
    (local.set $k (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.or (i32.gt_s (local.get $k) (i32.const 3)) (i32.ge_s (local.get $k) (local.get $L))))
        (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p)
          (call $find (local.get $p) (local.get $key) (i32.const 0) (local.get $k)) (i32.const 7)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (if (local.get $hyphen) (then (call $add32 (local.get $p) (local.get $at) (i32.load offset=100 (local.get $p)))))
    (call $add32 (local.get $p) (local.get $at) (call $tupleRow (local.get $p) (i32.const 2) (local.get $class) (local.get $end3) (i32.const -1)))
    ;; offset -2
    (call $add32 (local.get $p) (local.get $sums) (call $featureOf (local.get $p) (local.get $word) (i32.const 1)))
    (call $add32 (local.get $p) (local.get $sums) (call $featureOf (local.get $p) (local.get $class) (i32.const 14)))
    ;; offset -1
    (local.set $at (i32.add (local.get $sums) (local.get $n4)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $word) (i32.const 2)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $end3) (i32.const 8)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $class) (i32.const 15)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $shape) (i32.const 11)))
    ;; offset 1
    (local.set $at (i32.add (local.get $sums) (i32.mul (local.get $n4) (i32.const 3))))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $word) (i32.const 3)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $end3) (i32.const 9)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $class) (i32.const 16)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $shape) (i32.const 12)))
    ;; offset 2
    (local.set $at (i32.add (local.get $sums) (i32.shl (local.get $n4) (i32.const 2))))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $word) (i32.const 4)))
    (call $add32 (local.get $p) (local.get $at) (call $featureOf (local.get $p) (local.get $class) (i32.const 17)))
    ;; the first character of the shape, for the position features
    (local.set $initial (call $find (local.get $p) (local.get $key)
      (i32.add (local.get $L) (local.get $F))
      (i32.add (i32.add (local.get $L) (local.get $F)) (select (i32.const 1) (local.get $S) (i32.gt_s (local.get $S) (i32.const 0))))))
    (i32.store (local.get $r) (local.get $word))
    (i32.store offset=4 (local.get $r) (local.get $class))
    (i32.store offset=8 (local.get $r) (call $featureOf (local.get $p) (local.get $initial) (i32.const 18)))
    (i32.store offset=12 (local.get $r) (call $featureOf (local.get $p) (local.get $initial) (i32.const 19)))
    (i32.store offset=16 (local.get $r) (local.get $mask))
    (i32.store offset=20 (local.get $r) (local.get $hasMask))
    (i32.store offset=24 (local.get $r) (local.get $afterVerb)))

  ;; address of the summed t1, t2, t12 weights of a tag pair (filled on first use)
  (func $tagPairSums (param $p i32) (param $t1 i32) (param $t2 i32) (result i32)
    (local $pair i32) (local $base i32)
    (local.set $pair (i32.add (i32.mul (local.get $t1) (i32.load offset=92 (local.get $p))) (local.get $t2)))
    (local.set $base (i32.add (i32.load offset=104 (local.get $p))
      (i32.shl (i32.mul (local.get $pair) (i32.load offset=88 (local.get $p))) (i32.const 3))))
    (if (i32.eqz (i32.load8_u (i32.add (i32.load offset=108 (local.get $p)) (local.get $pair))))
      (then
        (call $add64 (local.get $p) (local.get $base) (i32.load (i32.add (i32.load offset=44 (local.get $p)) (i32.shl (local.get $t1) (i32.const 2)))))
        (call $add64 (local.get $p) (local.get $base) (i32.load (i32.add (i32.load offset=48 (local.get $p)) (i32.shl (local.get $t2) (i32.const 2)))))
        (call $add64 (local.get $p) (local.get $base) (i32.load (i32.add (i32.load offset=52 (local.get $p)) (i32.shl (local.get $pair) (i32.const 2)))))
        (i32.store8 (i32.add (i32.load offset=108 (local.get $p)) (local.get $pair)) (i32.const 1))))
    (local.get $base))

  ;; the row of a tag table (at pass offset $table) for tag index $i
  (func $tagRow (param $p i32) (param $table i32) (param $i i32) (result i32)
    (i32.load (i32.add (i32.load (i32.add (local.get $p) (local.get $table))) (i32.shl (local.get $i) (i32.const 2)))))

  ;; Tags a sentence: $m word records (addresses at $words), a previous pass's label ids at $ahead
  ;; (0: none), label ids written at $out. The same sums in the same order as the reference.
  (func (export "tag") (param $p i32) (param $words i32) (param $m i32) (param $ahead i32) (param $out i32) (param $bos i32) (param $eos i32)
    (local $n i32) (local $T i32) (local $i i32) (local $k i32) (local $l i32) (local $j i32)
    (local $t1 i32) (local $t2 i32) (local $w i32) (local $prev i32) (local $next i32) (local $src i32)
    (local $scores i32) (local $base i32) (local $n1 i32) (local $n2 i32) (local $end i32)
    (local $mask i32) (local $hasMask i32) (local $best i32)
    (local.set $n (i32.load offset=88 (local.get $p)))
    (local.set $T (i32.load offset=92 (local.get $p)))
    (local.set $scores (i32.load offset=112 (local.get $p)))
    (local.set $end (i32.sub (local.get $T) (i32.const 1)))
    (local.set $t1 (i32.sub (local.get $T) (i32.const 3)))
    (local.set $t2 (i32.sub (local.get $T) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $sentence
      (loop $token
        (br_if $sentence (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $w (i32.load (i32.add (local.get $words) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $prev (if (result i32) (i32.gt_s (local.get $i) (i32.const 0))
          (then (i32.load (i32.sub (i32.add (local.get $words) (i32.shl (local.get $i) (i32.const 2))) (i32.const 4))))
          (else (local.get $bos))))
        (local.set $next (if (result i32) (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m))
          (then (i32.load offset=4 (i32.add (local.get $words) (i32.shl (local.get $i) (i32.const 2)))))
          (else (local.get $eos))))
        ;; tag-free features: the tag pair's sums, then the five words' own sums
        (local.set $base (call $tagPairSums (local.get $p) (local.get $t1) (local.get $t2)))
        (memory.copy (local.get $scores) (local.get $base) (i32.shl (local.get $n) (i32.const 3)))
        (local.set $k (i32.const 0))
        (block $window
          (loop $offset
            (br_if $window (i32.ge_s (local.get $k) (i32.const 5)))
            (local.set $j (i32.sub (i32.add (local.get $i) (local.get $k)) (i32.const 2)))
            (local.set $src (if (result i32) (i32.lt_s (local.get $j) (i32.const 0))
              (then (local.get $bos))
              (else (if (result i32) (i32.ge_s (local.get $j) (local.get $m))
                (then (local.get $eos))
                (else (i32.load (i32.add (local.get $words) (i32.shl (local.get $j) (i32.const 2)))))))))
            (local.set $src (i32.add (i32.add (local.get $src) (i32.const 32)) (i32.shl (i32.mul (local.get $k) (local.get $n)) (i32.const 2))))
            (local.set $l (i32.const 0))
            (block $labels
              (loop $label
                (br_if $labels (i32.ge_s (local.get $l) (local.get $n)))
                (f64.store (i32.add (local.get $scores) (i32.shl (local.get $l) (i32.const 3)))
                  (f64.add
                    (f64.load (i32.add (local.get $scores) (i32.shl (local.get $l) (i32.const 3))))
                    (f64.promote_f32 (f32.load (i32.add (local.get $src) (i32.shl (local.get $l) (i32.const 2)))))))
                (local.set $l (i32.add (local.get $l) (i32.const 1)))
                (br $label)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $offset)))
        ;; word pairs, lexicon classes, position
        (call $add64 (local.get $p) (local.get $scores) (call $tupleRow (local.get $p) (i32.const 0) (i32.load (local.get $prev)) (i32.load (local.get $w)) (i32.const -1)))
        (call $add64 (local.get $p) (local.get $scores) (call $tupleRow (local.get $p) (i32.const 1) (i32.load (local.get $w)) (i32.load (local.get $next)) (i32.const -1)))
        (if (i32.ge_s (i32.load offset=4 (local.get $next)) (i32.const 0))
          (then (call $add64 (local.get $p) (local.get $scores) (call $tupleRow (local.get $p) (i32.const 3)
            (i32.load offset=4 (local.get $prev)) (i32.load offset=4 (local.get $w)) (i32.load offset=4 (local.get $next))))))
        (call $add64 (local.get $p) (local.get $scores)
          (if (result i32) (i32.eqz (local.get $i)) (then (i32.load offset=8 (local.get $w))) (else (i32.load offset=12 (local.get $w)))))
        ;; features that read tags (the tag pair's are summed above)
        (call $add64 (local.get $p) (local.get $scores) (call $featureOf (local.get $p) (i32.load (local.get $w)) (i32.add (i32.const 32) (local.get $t1))))
        (call $add64 (local.get $p) (local.get $scores) (call $featureOf (local.get $p) (i32.load offset=4 (local.get $w)) (i32.add (i32.const 64) (local.get $t1))))
        (if (local.get $ahead)
          (then
            (local.set $n1 (if (result i32) (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m))
              (then (i32.load offset=4 (i32.add (local.get $ahead) (i32.shl (local.get $i) (i32.const 2)))))
              (else (local.get $end))))
            (local.set $n2 (if (result i32) (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $m))
              (then (i32.load offset=8 (i32.add (local.get $ahead) (i32.shl (local.get $i) (i32.const 2)))))
              (else (local.get $end))))
            (call $add64 (local.get $p) (local.get $scores) (call $tagRow (local.get $p) (i32.const 56) (local.get $n1)))
            (call $add64 (local.get $p) (local.get $scores) (call $tagRow (local.get $p) (i32.const 60) (local.get $n2)))
            (call $add64 (local.get $p) (local.get $scores) (call $tagRow (local.get $p) (i32.const 64)
              (i32.add (i32.mul (local.get $n1) (local.get $T)) (local.get $n2))))
            (call $add64 (local.get $p) (local.get $scores) (call $tagRow (local.get $p) (i32.const 68)
              (i32.add (i32.mul (local.get $t1) (local.get $T)) (local.get $n1))))
            (call $add64 (local.get $p) (local.get $scores) (call $featureOf (local.get $p) (i32.load (local.get $w)) (i32.add (i32.const 96) (local.get $n1))))
            (call $add64 (local.get $p) (local.get $scores) (call $tagRow (local.get $p) (i32.const 72)
              (i32.load (i32.add (local.get $ahead) (i32.shl (local.get $i) (i32.const 2))))))))
        ;; before a hyphenated clitic comes a verb, unless the word is itself one (dis-le-lui)
        (if (i32.and (i32.ne (i32.load offset=24 (local.get $next)) (i32.const 0)) (i32.eqz (i32.load offset=24 (local.get $w))))
          (then
            (local.set $mask (i32.load offset=116 (local.get $p)))
            (local.set $hasMask (i32.const 1)))
          (else
            (local.set $mask (i32.load offset=16 (local.get $w)))
            (local.set $hasMask (i32.load offset=20 (local.get $w)))))
        ;; the first label of highest score the mask allows (0 when it allows none)
        (local.set $best (i32.const -1))
        (local.set $l (i32.const 0))
        (block $labels
          (loop $label
            (br_if $labels (i32.ge_s (local.get $l) (local.get $n)))
            (if (i32.or (i32.eqz (local.get $hasMask)) (i32.and (i32.shr_u (local.get $mask) (local.get $l)) (i32.const 1)))
              (then
                (if (i32.or (i32.lt_s (local.get $best) (i32.const 0))
                      (f64.gt
                        (f64.load (i32.add (local.get $scores) (i32.shl (local.get $l) (i32.const 3))))
                        (f64.load (i32.add (local.get $scores) (i32.shl (local.get $best) (i32.const 3))))))
                  (then (local.set $best (local.get $l))))))
            (local.set $l (i32.add (local.get $l) (i32.const 1)))
            (br $label)))
        (if (i32.lt_s (local.get $best) (i32.const 0)) (then (local.set $best (i32.const 0))))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))) (local.get $best))
        (local.set $t2 (local.get $t1))
        (local.set $t1 (local.get $best))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $token))))

  ;; compares key[0, len) (bytes) with the first column of the line [ls, le): negative when the key sorts before it
  (func $compareKey (param $key i32) (param $len i32) (param $ls i32) (param $le i32) (result i32)
    (local $i i32) (local $b i32) (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (if (result i32) (i32.lt_u (i32.add (local.get $ls) (local.get $i)) (local.get $le))
          (then (i32.load8_u (i32.add (local.get $ls) (local.get $i))))
          (else (i32.const -1))))
        (if (i32.or (i32.eq (local.get $b) (i32.const 9)) (i32.eq (local.get $b) (i32.const -1))) (then (return (i32.const 1))))
        (local.set $k (i32.load8_u (i32.add (local.get $key) (local.get $i))))
        (if (i32.ne (local.get $k) (local.get $b)) (then (return (i32.sub (local.get $k) (local.get $b)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.set $b (if (result i32) (i32.lt_u (i32.add (local.get $ls) (local.get $len)) (local.get $le))
      (then (i32.load8_u (i32.add (local.get $ls) (local.get $len))))
      (else (i32.const -1))))
    (select (i32.const 0) (i32.const -1) (i32.or (i32.eq (local.get $b) (i32.const 9)) (i32.eq (local.get $b) (i32.const -1)))))

  ;; The line of [from, to) (whole lines sorted by the bytes of their first column) whose first
  ;; column is key[0, len) — or, with $floor, the last line whose first column is at most the
  ;; key: writes where the rest of the line (after its first tab) starts and where the line ends
  ;; at $out; 0 when there is none. The binary search of sorted-lines.ts, step for step.
  (func (export "findLine") (param $from i32) (param $to i32) (param $key i32) (param $len i32) (param $floor i32) (param $out i32) (result i32)
    (local $lo i32) (local $hi i32) (local $ls i32) (local $le i32) (local $c i32) (local $below i32) (local $belowEnd i32) (local $tab i32)
    (local.set $lo (local.get $from))
    (local.set $hi (local.get $to))
    (local.set $below (i32.const -1))
    (block $searched
      (loop $step
        (br_if $searched (i32.ge_u (local.get $lo) (local.get $hi)))
        (local.set $ls (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
        (block $start
          (loop $back
            (br_if $start (i32.le_u (local.get $ls) (local.get $lo)))
            (br_if $start (i32.eq (i32.load8_u (i32.sub (local.get $ls) (i32.const 1))) (i32.const 10)))
            (local.set $ls (i32.sub (local.get $ls) (i32.const 1)))
            (br $back)))
        (local.set $le (local.get $ls))
        (block $end
          (loop $forward
            (br_if $end (i32.ge_u (local.get $le) (local.get $hi)))
            (br_if $end (i32.eq (i32.load8_u (local.get $le)) (i32.const 10)))
            (local.set $le (i32.add (local.get $le) (i32.const 1)))
            (br $forward)))
        (local.set $c (call $compareKey (local.get $key) (local.get $len) (local.get $ls) (local.get $le)))
        (if (i32.eqz (local.get $c))
          (then
            (local.set $below (local.get $ls))
            (local.set $belowEnd (local.get $le))
            (br $searched)))
        (if (i32.lt_s (local.get $c) (i32.const 0))
          (then (local.set $hi (local.get $ls)))
          (else
            (local.set $below (local.get $ls))
            (local.set $belowEnd (local.get $le))
            (local.set $lo (i32.add (local.get $le) (i32.const 1)))))
        (br $step)))
    ;; found, or the last line before the key when $floor
    (if (i32.or (i32.lt_s (local.get $below) (i32.const 0)) (i32.and (i32.ne (local.get $c) (i32.const 0)) (i32.eqz (local.get $floor))))
      (then (return (i32.const 0))))
    (local.set $tab (local.get $below))
    (block $found
      (loop $scan
        (br_if $found (i32.ge_u (local.get $tab) (local.get $belowEnd)))
        (br_if $found (i32.eq (i32.load8_u (local.get $tab)) (i32.const 9)))
        (local.set $tab (i32.add (local.get $tab) (i32.const 1)))
        (br $scan)))
    (i32.store (local.get $out) (i32.add (local.get $tab) (i32.const 1)))
    (i32.store offset=4 (local.get $out) (local.get $belowEnd))
    (i32.const 1))
)
