# A prebuilt dict with instance keys: the entries keep insertion order with a placeholder hash
# (1) and the index table is marked stale (slot 0 is -1); the runtime stores the identity hashes
# and refills the table before the first lookup, insertion or deletion ($dict_lookup_ref...).
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# check: prebuilt &dict_Ptr_Key__Signed: dict_Ptr_Key__Signed {
# nextln: num_items: 2
# check: prebuilt &entries_dict_Ptr_Key__Signed: GcArray(dictentry_Ptr_Key__Signed) [{
# nextln: hash: 1
# nextln: key: &inst_Key
# nextln: value: 10
# check: prebuilt &indexes_dict_Ptr_Key__Signed: GcArray(UniChar) [-1, 0, 0, 0, 0, 0, 0, 0]
# check: graph @entry_point
# check: direct_call($dict_lookup_ref
# check: 10 20 -1 a b c
class Key(object):
    def __init__(self, name):
        self.name = name


A = Key("a")
B = Key("b")
TABLE = {A: 10, B: 20}


def entry_point(argv):
    c = Key("c")
    TABLE[c] = len(argv)
    print(TABLE[A], TABLE[B], TABLE.get(Key("d"), -1), " ".join([k.name for k in TABLE]))
    return 0
