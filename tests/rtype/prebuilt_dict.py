# A prebuilt dict (a module-level dict constant) is static data: the dict, its entries in
# insertion order (hash, key, value) and an index table (int32 slots in a GcArray(UniChar):
# entry index + 2) built with the runtime's hash and probe, so run-time lookups find the keys.
# An int key's hash is the key (0 is stored as the runtime's replacement hash): 9 and 17 collide
# at slot 1 and 17 probes on to slot 6.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: prebuilt &dict_Signed_Ptr_rpy_string_: dict_Signed_Ptr_rpy_string_ {
# nextln:   num_items: 3
# nextln:   num_ever_used: 3
# nextln:   indexes: &indexes_dict_Signed_Ptr_rpy_string_
# nextln:   entries: &entries_dict_Signed_Ptr_rpy_string_
# check: prebuilt &entries_dict_Signed_Ptr_rpy_string_: GcArray(dictentry_Signed_Ptr_rpy_string_) [{
# nextln:     hash: 2685821657736338717
# nextln:     key: 0
# nextln:     value: &{{str[0-9]+}}
# check:     hash: 9
# nextln:     key: 9
# check:     hash: 17
# nextln:     key: 17
# check: prebuilt &indexes_dict_Signed_Ptr_rpy_string_: GcArray(UniChar) [0, 3, 0, 0, 0, 2, 4, 0]
# check: prebuilt &dict_Ptr_rpy_string__Signed: dict_Ptr_rpy_string__Signed {
# nextln:   num_items: 4
# check: prebuilt &entries_dict_Ptr_rpy_string__Signed: GcArray(dictentry_Ptr_rpy_string__Signed) [{
# nextln:     hash: {{-?[0-9]+}}
# nextln:     key: &{{str[0-9]+}}
# nextln:     value: 1
# check: prebuilt &indexes_dict_Ptr_rpy_string__Signed: GcArray(UniChar) [{{.*}}]
NAMES = {0: "zero", 9: "nine", 17: "seventeen"}
KEYWORDS = {"and": 1, "class": 2, "whilé": 3, "€uro": 4}

def entry_point(argv):
    for k in [0, 9, 17, 1]:
        print(NAMES.get(k, "?"))
    for w in ["and", "class", "whilé", "€uro", "or"]:
        print(KEYWORDS.get(w, -1))
    KEYWORDS["or"] = 5
    for i in range(10):
        KEYWORDS["k" + str(i)] = i
    print(KEYWORDS["or"], KEYWORDS["€uro"], KEYWORDS["k9"], len(KEYWORDS))
    return 0
