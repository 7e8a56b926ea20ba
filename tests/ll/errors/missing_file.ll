; A file that does not exist, and an unknown option.
; run: rpp ll-opt %S/no_such_file.ll
; exit: 2
; stderr-check: rpp: error: cannot read '{{.*}}no_such_file.ll'
