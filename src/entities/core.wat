;; The entity labeller's arithmetic, in WebAssembly: compiled at once when loaded, this code runs
;; at full speed on the first document, where the JavaScript of features.ts and model.ts would
;; still be interpreted (every feature a call, every lookup a loop over typed arrays). It computes
;; exactly what they define: the same 32-bit feature hashes, the same integer sums of the model's
;; int16 weights, the same float64 operations of the Viterbi search, in the same order.
;; Compiled to src/entities/core-wasm.ts by `npm run build:entities`.
;;
;; Memory holds the model file as read from disk (model.ts, format 3) and what core.ts lays out:
;;   header  at 0:   0 slots address, 4 slots are u32 (else u16), 8 slot mask, 12 rows address,
;;                   16 transitions address (f32), 20 BOS, 24 EOS, 28 EMPTY (value hashes),
;;                   32 scale (f64), 64 the nine label sums of one token (i32)
;;   token record:   16 i32 a token of the sentence window: 0 lower, 1 form, 2 shape, 3 prefix 3,
;;                   4 prefix 4, 5 suffix 2, 6 suffix 3, 7 suffix 4, 8 first name (features.ts's
;;                   WordInfo.hashes), 9 gazetteer tag, 10 kind, 11 part of speech (value hashes),
;;                   12 length (at most 8), 13 flags: 1 title, 2 demonym, 4 capitalised
(module
  (memory (export "memory") 1)

  ;; features.ts's hashString: FNV-1a of the u16 units [max(0, $from), $to) at $chars
  (func $hashRange (export "hashRange") (param $chars i32) (param $from i32) (param $to i32) (result i32)
    (local $h i32)
    (local.set $h (i32.const 0x811c9dc5))
    (if (i32.lt_s (local.get $from) (i32.const 0)) (then (local.set $from (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $from) (local.get $to)))
        (local.set $h (i32.mul
          (i32.xor (local.get $h) (i32.load16_u (i32.add (local.get $chars) (i32.shl (local.get $from) (i32.const 1)))))
          (i32.const 0x01000193)))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next)))
    (local.get $h))

  ;; The hashes of a word form (features.ts's WordInfo.hashes but the first name's) at $out: of its
  ;; lower case ($n units at $chars), of the form ($m units after it), of its shape, prefixes and
  ;; suffixes. The shape (features.ts's shortShape) is made here when the form is ASCII; else it
  ;; is left to the caller (hashRange). Returns 1 when the form holds an ASCII digit, + 2 when its
  ;; shape is left to the caller.
  (func (export "hashWord") (param $chars i32) (param $n i32) (param $m i32) (param $out i32) (result i32)
    (local $form i32) (local $i i32) (local $c i32) (local $k i32) (local $last i32) (local $length i32) (local $h i32) (local $flags i32)
    (local.set $form (i32.add (local.get $chars) (i32.shl (local.get $n) (i32.const 1))))
    (i32.store (local.get $out) (call $hashRange (local.get $chars) (i32.const 0) (local.get $n)))
    (i32.store offset=4 (local.get $out) (call $hashRange (local.get $form) (i32.const 0) (local.get $m)))
    (i32.store offset=12 (local.get $out) (call $hashRange (local.get $chars) (i32.const 0)
      (select (local.get $n) (i32.const 3) (i32.lt_s (local.get $n) (i32.const 3)))))
    (i32.store offset=16 (local.get $out) (call $hashRange (local.get $chars) (i32.const 0)
      (select (local.get $n) (i32.const 4) (i32.lt_s (local.get $n) (i32.const 4)))))
    (i32.store offset=20 (local.get $out) (call $hashRange (local.get $chars) (i32.sub (local.get $n) (i32.const 2)) (local.get $n)))
    (i32.store offset=24 (local.get $out) (call $hashRange (local.get $chars) (i32.sub (local.get $n) (i32.const 3)) (local.get $n)))
    (i32.store offset=28 (local.get $out) (call $hashRange (local.get $chars) (i32.sub (local.get $n) (i32.const 4)) (local.get $n)))
    ;; digits and non-ASCII units of the form
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $c (i32.load16_u (i32.add (local.get $form) (i32.shl (local.get $i) (i32.const 1)))))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 48)) (i32.le_u (local.get $c) (i32.const 57)))
          (then (local.set $flags (i32.or (local.get $flags) (i32.const 1)))))
        (if (i32.ge_u (local.get $c) (i32.const 0x80))
          (then (local.set $flags (i32.or (local.get $flags) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (i32.and (local.get $flags) (i32.const 2)) (then (return (local.get $flags))))
    ;; the shape: x, X and d for runs of lower-case letters, capitals and digits, other units as
    ;; they are, up to nine units
    (local.set $h (i32.const 0x811c9dc5))
    (local.set $last (i32.const -1))
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $c (i32.load16_u (i32.add (local.get $form) (i32.shl (local.get $i) (i32.const 1)))))
        (local.set $k (local.get $c))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122))) (then (local.set $k (i32.const 120))))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 65)) (i32.le_u (local.get $c) (i32.const 90))) (then (local.set $k (i32.const 88))))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 48)) (i32.le_u (local.get $c) (i32.const 57))) (then (local.set $k (i32.const 100))))
        (if (i32.ne (local.get $k) (local.get $last))
          (then
            (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $k)) (i32.const 0x01000193)))
            (local.set $length (i32.add (local.get $length) (i32.const 1)))))
        (local.set $last (local.get $k))
        (br_if $done (i32.gt_s (local.get $length) (i32.const 8)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store offset=8 (local.get $out) (local.get $h))
    (local.get $flags))

  ;; features.ts's feature(): a template number and three value hashes, mixed; never 0
  (func $feature (param $t i32) (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local $h i32)
    (local.set $h (i32.mul (i32.add (local.get $t) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b)))
    (local.set $h (i32.xor (local.get $h) (local.get $a)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x2c1b3c6d)))
    (local.set $h (i32.xor (local.get $h) (local.get $b)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 12))) (i32.const 0x297a2d39)))
    (local.set $h (i32.xor (local.get $h) (local.get $c)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))) (i32.const 0x85ebca6b)))
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))))
    (select (local.get $h) (i32.const 1) (local.get $h)))

  ;; model.ts's addScores for one feature: its row's weights added to the sums at 64
  (func $add (param $h i32)
    (local $slot i32) (local $r i32) (local $w i32) (local $slots i32) (local $wide i32) (local $mask i32) (local $rows i32)
    (local.set $slots (i32.load (i32.const 0)))
    (local.set $wide (i32.load (i32.const 4)))
    (local.set $mask (i32.load (i32.const 8)))
    (local.set $rows (i32.load (i32.const 12)))
    (local.set $slot (i32.and (i32.mul (local.get $h) (i32.const 0x9e3779b1)) (local.get $mask)))
    (loop $probe
      (local.set $r (if (result i32) (local.get $wide)
        (then (i32.load (i32.add (local.get $slots) (i32.shl (local.get $slot) (i32.const 2)))))
        (else (i32.load16_u (i32.add (local.get $slots) (i32.shl (local.get $slot) (i32.const 1)))))))
      (if (i32.eqz (local.get $r)) (then (return)))
      ;; a row is 24 bytes: the key, then the nine int16 weights
      (local.set $w (i32.add (local.get $rows) (i32.mul (local.get $r) (i32.const 24))))
      (if (i32.eq (i32.load (local.get $w)) (local.get $h))
        (then
          ;; the nine labels written out (a first document runs less code)
          (i32.store offset=64 (i32.const 0) (i32.add (i32.load offset=64 (i32.const 0)) (i32.load16_s offset=4 (local.get $w))))
          (i32.store offset=68 (i32.const 0) (i32.add (i32.load offset=68 (i32.const 0)) (i32.load16_s offset=6 (local.get $w))))
          (i32.store offset=72 (i32.const 0) (i32.add (i32.load offset=72 (i32.const 0)) (i32.load16_s offset=8 (local.get $w))))
          (i32.store offset=76 (i32.const 0) (i32.add (i32.load offset=76 (i32.const 0)) (i32.load16_s offset=10 (local.get $w))))
          (i32.store offset=80 (i32.const 0) (i32.add (i32.load offset=80 (i32.const 0)) (i32.load16_s offset=12 (local.get $w))))
          (i32.store offset=84 (i32.const 0) (i32.add (i32.load offset=84 (i32.const 0)) (i32.load16_s offset=14 (local.get $w))))
          (i32.store offset=88 (i32.const 0) (i32.add (i32.load offset=88 (i32.const 0)) (i32.load16_s offset=16 (local.get $w))))
          (i32.store offset=92 (i32.const 0) (i32.add (i32.load offset=92 (i32.const 0)) (i32.load16_s offset=18 (local.get $w))))
          (i32.store offset=96 (i32.const 0) (i32.add (i32.load offset=96 (i32.const 0)) (i32.load16_s offset=20 (local.get $w))))
          (return)))
      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
      (br $probe)))

  (func $feat (param $t i32) (param $a i32) (param $b i32) (param $c i32)
    (call $add (call $feature (local.get $t) (local.get $a) (local.get $b) (local.get $c))))

  ;; field $f of the record of sentence position $i (window from $lo, records at $recs), or
  ;; $before / $after outside the sentence's $n tokens: features.ts's around()
  (func $around (param $recs i32) (param $lo i32) (param $n i32) (param $i i32) (param $f i32) (param $before i32) (param $after i32) (result i32)
    (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (local.get $before))))
    (if (i32.ge_s (local.get $i) (local.get $n)) (then (return (local.get $after))))
    (i32.load (i32.add
      (i32.add (local.get $recs) (i32.shl (i32.sub (local.get $i) (local.get $lo)) (i32.const 6)))
      (i32.shl (local.get $f) (i32.const 2)))))

  ;; Emission scores (f64, nine a token, at $emit) of sentence positions [$from, $to) — the sums of
  ;; sentenceFeatures's features, scaled — then the best labels (i32, at $path) after label
  ;; $before (9: the sentence start), with Viterbi's scratch at $score (f64) and $back (u8).
  (func (export "decode") (param $recs i32) (param $lo i32) (param $n i32) (param $from i32) (param $to i32) (param $withPos i32)
      (param $before i32) (param $emit i32) (param $score i32) (param $back i32) (param $path i32)
    (local $i i32) (local $r i32) (local $j i32) (local $e i32) (local $scale f64)
    (local $bos i32) (local $eos i32) (local $empty i32)
    (local $lower i32) (local $shape i32) (local $gaz i32) (local $pos i32) (local $flags i32)
    (local $lowerBefore i32) (local $lowerAfter i32) (local $lowerBefore2 i32) (local $lowerAfter2 i32)
    (local $shapeBefore i32) (local $shapeAfter i32) (local $firstBefore i32) (local $firstAfter i32)
    (local.set $bos (i32.load (i32.const 20)))
    (local.set $eos (i32.load (i32.const 24)))
    (local.set $empty (i32.load (i32.const 28)))
    (local.set $scale (f64.load (i32.const 32)))
    (local.set $i (local.get $from))
    (local.set $e (local.get $emit))
    (block $done
      (loop $token
        (br_if $done (i32.ge_s (local.get $i) (local.get $to)))
        (memory.fill (i32.const 64) (i32.const 0) (i32.const 36))
        (local.set $r (i32.add (local.get $recs) (i32.shl (i32.sub (local.get $i) (local.get $lo)) (i32.const 6))))
        (local.set $lower (i32.load (local.get $r)))
        (local.set $shape (i32.load offset=8 (local.get $r)))
        (local.set $gaz (i32.load offset=36 (local.get $r)))
        (local.set $flags (i32.load offset=52 (local.get $r)))
        (local.set $lowerBefore (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.sub (local.get $i) (i32.const 1)) (i32.const 0) (local.get $bos) (local.get $eos)))
        (local.set $lowerAfter (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.add (local.get $i) (i32.const 1)) (i32.const 0) (local.get $bos) (local.get $eos)))
        (local.set $lowerBefore2 (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.sub (local.get $i) (i32.const 2)) (i32.const 0) (local.get $bos) (local.get $eos)))
        (local.set $lowerAfter2 (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.add (local.get $i) (i32.const 2)) (i32.const 0) (local.get $bos) (local.get $eos)))
        (local.set $shapeBefore (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.sub (local.get $i) (i32.const 1)) (i32.const 2) (local.get $bos) (local.get $eos)))
        (local.set $shapeAfter (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.add (local.get $i) (i32.const 1)) (i32.const 2) (local.get $bos) (local.get $eos)))
        (local.set $firstBefore (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.sub (local.get $i) (i32.const 1)) (i32.const 8) (local.get $empty) (local.get $empty)))
        (local.set $firstAfter (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.add (local.get $i) (i32.const 1)) (i32.const 8) (local.get $empty) (local.get $empty)))
        (call $feat (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 1) (local.get $lower) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 2) (i32.load offset=4 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 3) (i32.load offset=12 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 4) (i32.load offset=24 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 5) (i32.load offset=20 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 6) (i32.load offset=28 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 7) (i32.load offset=16 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 8) (local.get $shape) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 9) (local.get $shape) (i32.load offset=48 (local.get $r)) (i32.const 0))
        (call $feat (i32.const 10) (local.get $lowerBefore) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 11) (local.get $lowerAfter) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 12) (local.get $lowerBefore2) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 13) (local.get $lowerAfter2) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 14) (local.get $shapeBefore) (local.get $shape) (i32.const 0))
        (call $feat (i32.const 15) (local.get $shape) (local.get $shapeAfter) (i32.const 0))
        (call $feat (i32.const 16) (local.get $lowerBefore) (local.get $lower) (i32.const 0))
        (call $feat (i32.const 17) (local.get $lower) (local.get $lowerAfter) (i32.const 0))
        (call $feat (i32.const 18)
          (select (i32.const 1) (i32.const 2) (i32.eqz (local.get $i)))
          (select (i32.const 1) (i32.const 2) (i32.and (local.get $flags) (i32.const 4)))
          (i32.const 0))
        (call $feat (i32.const 19) (local.get $gaz) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 20)
          (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.sub (local.get $i) (i32.const 1)) (i32.const 9) (local.get $empty) (local.get $empty))
          (local.get $gaz) (i32.const 0))
        (call $feat (i32.const 21) (local.get $gaz)
          (call $around (local.get $recs) (local.get $lo) (local.get $n) (i32.add (local.get $i) (i32.const 1)) (i32.const 9) (local.get $empty) (local.get $empty))
          (i32.const 0))
        (call $feat (i32.const 22) (i32.load offset=32 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 23) (local.get $firstBefore) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 24)
          (if (result i32) (i32.gt_s (local.get $i) (i32.const 0))
            (then (select (i32.const 1) (i32.const 2) (i32.and (i32.load offset=52 (i32.sub (local.get $r) (i32.const 64))) (i32.const 1))))
            (else (i32.const 2)))
          (local.get $shape) (i32.const 0))
        (call $feat (i32.const 25) (select (i32.const 1) (i32.const 2) (i32.and (local.get $flags) (i32.const 2))) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 26) (i32.load offset=40 (local.get $r)) (i32.const 0) (i32.const 0))
        (call $feat (i32.const 27) (local.get $lowerBefore) (local.get $shape) (i32.const 0))
        (call $feat (i32.const 28) (local.get $shape) (local.get $lowerAfter) (i32.const 0))
        (call $feat (i32.const 29) (local.get $shapeBefore) (local.get $shape) (local.get $shapeAfter))
        (call $feat (i32.const 30) (local.get $firstAfter) (local.get $shape) (i32.const 0))
        (call $feat (i32.const 31) (local.get $lowerBefore2) (local.get $lowerBefore) (i32.const 0))
        (if (local.get $withPos)
          (then
            (local.set $pos (i32.load offset=44 (local.get $r)))
            (call $feat (i32.const 32) (local.get $pos) (i32.const 0) (i32.const 0))
            (call $feat (i32.const 33)
              (if (result i32) (i32.gt_s (local.get $i) (i32.const 0))
                (then (i32.load offset=44 (i32.sub (local.get $r) (i32.const 64))))
                (else (local.get $bos)))
              (local.get $pos) (i32.const 0))
            (call $feat (i32.const 34) (local.get $pos) (local.get $shape) (i32.const 0))))
        ;; model.ts: scores[at + j] += s_j * scale, the scores starting at 0
        (local.set $j (i32.const 0))
        (loop $label
          (f64.store (i32.add (local.get $e) (i32.shl (local.get $j) (i32.const 3)))
            (f64.add (f64.const 0)
              (f64.mul (f64.convert_i32_s (i32.load offset=64 (i32.shl (local.get $j) (i32.const 2)))) (local.get $scale))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $label (i32.lt_u (local.get $j) (i32.const 9))))
        (local.set $e (i32.add (local.get $e) (i32.const 72)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $token)))
    (call $viterbi (local.get $emit) (i32.sub (local.get $to) (local.get $from)) (local.get $before) (local.get $score) (local.get $back) (local.get $path)))

  ;; I-X (labels 2, 4, 6, 8) may only follow B-X or I-X: model.ts's ALLOWED
  (func $inside (param $j i32) (result i32)
    (i32.and (i32.ge_u (local.get $j) (i32.const 2)) (i32.eqz (i32.and (local.get $j) (i32.const 1)))))

  ;; Viterbi's best previous label for one label: the highest score at $prev + p * 8 plus transition
  ;; at $column + p * 36 (the first of equal scores), of the nine labels or of two (B-X, I-X) from $p.
  ;; Written out and apart from $viterbi: V8 optimizes a WebAssembly function once it has run
  ;; about 1.8 MB of its code (loop bodies counted whole), and its optimizing compile cost more
  ;; than a first document's Viterbi search.
  (func $bestOf9 (param $prev i32) (param $column i32) (result f64 i32)
    (local $best f64) (local $s f64) (local $arg i32)
    (local.set $best (f64.const -inf))
    (local.set $s (f64.add (f64.load offset=0 (local.get $prev)) (f64.promote_f32 (f32.load offset=0 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 0))))
    (local.set $s (f64.add (f64.load offset=8 (local.get $prev)) (f64.promote_f32 (f32.load offset=36 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 1))))
    (local.set $s (f64.add (f64.load offset=16 (local.get $prev)) (f64.promote_f32 (f32.load offset=72 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 2))))
    (local.set $s (f64.add (f64.load offset=24 (local.get $prev)) (f64.promote_f32 (f32.load offset=108 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 3))))
    (local.set $s (f64.add (f64.load offset=32 (local.get $prev)) (f64.promote_f32 (f32.load offset=144 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 4))))
    (local.set $s (f64.add (f64.load offset=40 (local.get $prev)) (f64.promote_f32 (f32.load offset=180 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 5))))
    (local.set $s (f64.add (f64.load offset=48 (local.get $prev)) (f64.promote_f32 (f32.load offset=216 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 6))))
    (local.set $s (f64.add (f64.load offset=56 (local.get $prev)) (f64.promote_f32 (f32.load offset=252 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 7))))
    (local.set $s (f64.add (f64.load offset=64 (local.get $prev)) (f64.promote_f32 (f32.load offset=288 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 8))))
    (local.get $best) (local.get $arg))

  (func $bestOf2 (param $prev i32) (param $column i32) (param $p i32) (result f64 i32)
    (local $best f64) (local $s f64) (local $arg i32)
    (local.set $best (f64.const -inf))
    (local.set $s (f64.add (f64.load offset=0 (local.get $prev)) (f64.promote_f32 (f32.load offset=0 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (local.get $p))))
    (local.set $s (f64.add (f64.load offset=8 (local.get $prev)) (f64.promote_f32 (f32.load offset=36 (local.get $column)))))
    (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.add (local.get $p) (i32.const 1)))))
    (local.get $best) (local.get $arg))

  ;; model.ts's viterbi over $n tokens of emission scores at $emit.
  (func $viterbi (param $emit i32) (param $n i32) (param $before i32) (param $score i32) (param $back i32) (param $path i32)
    (local $trans i32) (local $i i32) (local $j i32) (local $last i32)
    (local $best f64) (local $arg i32) (local $cell i32) (local $prev i32) (local $column i32)
    (local.set $trans (i32.load (i32.const 16)))
    (local.set $j (i32.const 0))
    (loop $first
      (f64.store (i32.add (local.get $score) (i32.shl (local.get $j) (i32.const 3)))
        (if (result f64) (call $inside (local.get $j))
          (then (f64.const -inf))
          (else (f64.add
            (f64.load (i32.add (local.get $emit) (i32.shl (local.get $j) (i32.const 3))))
            (f64.promote_f32 (f32.load (i32.add (local.get $trans)
              (i32.shl (i32.add (i32.mul (local.get $before) (i32.const 9)) (local.get $j)) (i32.const 2)))))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br_if $first (i32.lt_u (local.get $j) (i32.const 9))))
    (local.set $i (i32.const 1))
    (block $done
      (loop $token
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        (loop $label
          (local.set $best (f64.const -inf))
          (local.set $arg (i32.const 0))
          (local.set $prev (i32.add (local.get $score) (i32.mul (i32.sub (local.get $i) (i32.const 1)) (i32.const 72))))
          ;; transitions[p * 9 + j] at $column + p * 36
          (local.set $column (i32.add (local.get $trans) (i32.shl (local.get $j) (i32.const 2))))
          ;; the allowed previous labels, in label order (the first of equal scores wins)
          (if (call $inside (local.get $j))
            (then
              (call $bestOf2
                (i32.add (local.get $prev) (i32.shl (i32.sub (local.get $j) (i32.const 1)) (i32.const 3)))
                (i32.add (local.get $column) (i32.mul (i32.sub (local.get $j) (i32.const 1)) (i32.const 36)))
                (i32.sub (local.get $j) (i32.const 1)))
              (local.set $arg)
              (local.set $best))
            (else
              (call $bestOf9 (local.get $prev) (local.get $column))
              (local.set $arg)
              (local.set $best)))
          (local.set $cell (i32.add (i32.mul (local.get $i) (i32.const 9)) (local.get $j)))
          (f64.store (i32.add (local.get $score) (i32.shl (local.get $cell) (i32.const 3)))
            (f64.add (local.get $best) (f64.load (i32.add (local.get $emit) (i32.shl (local.get $cell) (i32.const 3))))))
          (i32.store8 (i32.add (local.get $back) (local.get $cell)) (local.get $arg))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $label (i32.lt_u (local.get $j) (i32.const 9))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $token)))
    ;; the best last label (the first of equal scores), then back to the first token
    (local.set $cell (i32.mul (i32.sub (local.get $n) (i32.const 1)) (i32.const 9)))
    (local.set $last (i32.const 0))
    (local.set $j (i32.const 1))
    (loop $best
      (if (f64.gt
            (f64.load (i32.add (local.get $score) (i32.shl (i32.add (local.get $cell) (local.get $j)) (i32.const 3))))
            (f64.load (i32.add (local.get $score) (i32.shl (i32.add (local.get $cell) (local.get $last)) (i32.const 3)))))
        (then (local.set $last (local.get $j))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br_if $best (i32.lt_u (local.get $j) (i32.const 9))))
    (local.set $i (i32.sub (local.get $n) (i32.const 1)))
    (i32.store (i32.add (local.get $path) (i32.shl (local.get $i) (i32.const 2))) (local.get $last))
    (block $done
      (loop $step
        (br_if $done (i32.le_s (local.get $i) (i32.const 0)))
        (i32.store (i32.add (local.get $path) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2)))
          (i32.load8_u (i32.add (local.get $back)
            (i32.add (i32.mul (local.get $i) (i32.const 9))
              (i32.load (i32.add (local.get $path) (i32.shl (local.get $i) (i32.const 2))))))))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $step))))
)
