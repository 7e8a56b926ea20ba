# list(l) is a new list and $array_copy, list(d.keys()) the dict's list graph, dict(d) a new dict
# filled by the update graph.
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# check: graph @entry_point
# check: direct_call($array_copy
# check: direct_call($dict_new
# check: direct_call(@ll_dict_update_
# check: direct_call(@ll_dict_list_keys_
# check: [1, 2, 0] ['a'] 1
def entry_point(argv):
    l = [1, 2] * len(argv)
    c = list(l)
    c.append(0)
    d = {"a": 1}
    e = dict(d)
    print(c, list(d.keys()), e["a"])
    return 0
