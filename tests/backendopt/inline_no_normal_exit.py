# A call that never returns normally (the value read from an always-empty dict is impossible):
# the rtyper's raising block has only exception links. Inlining it would leave the copy's returns
# nowhere to go, so the call stays (regression: the inliner took the first exception link for
# the normal one and made a link use a variable defined nowhere). The handlers still run.
# run: rpp translate --stop-after=backendopt --opt=2 --dump=backendopt --interp %s
# check: graph @entry_point(
# check: direct_call(@ll_dict_getitem_
# nextln: catch {
# nextln: &vtable_IndexError
# check: direct_call(@ll_dict_getitem_
# nextln: catch {
# nextln: &vtable_IndexError
# check: no key
# nextln: ok

def entry_point(argv):
    try:
        d = {}
        print(d[argv[0]])
    except KeyError:
        print("no key")
    try:
        print({}[argv[0]])
    except IndexError:
        print("index")
    except KeyError:
        print("ok")
    return 0
