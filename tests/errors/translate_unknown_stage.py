# An unknown stage in --dump lists the stages.
# run: rpp translate --dump=rtpye %s
# exit: 2
# stderr-check: unknown stage 'rtpye' in --dump (stages: flow, annotate, rtype, jit, backendopt, exceptions, gc, emit)
def entry_point(argv):
    return 0
