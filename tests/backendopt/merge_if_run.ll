; merge_if.ll's @dispatch gives the same results as one switch.
; run: rpp ll-run --passes=merge-if,dce --entry=dispatch %S/merge_if.ll -- c 10
; stdout: result: 7
