# --format=dot draws every graph as a cluster of one Graphviz digraph.
# run: rpp translate --stop-after=flow --dump=flow --format=dot %s
# check: digraph flow {
# check: subgraph cluster_0 {
# nextln: label="graph entry_point(argv)  # dump_dot.py:
# check: subgraph cluster_1 {
# nextln: label="graph f(x)  # dump_dot.py:
# check: g1_block0 [label="block0(v0)\lv1 = bool(v0)\lswitch v1\l"];
# nextln: g1_block0 -> g1_return [label="False\n2"];
# nextln: g1_block0 -> g1_return [label="True\n1"];
def f(x):
    if x:
        return 1
    return 2

def entry_point(argv):
    return f(len(argv))
