# float_pack / float_unpack: IEEE bit patterns for 2-, 4- and 8-byte floats, and round trips.
# run: rpp run %s
# same-as: python3
# stdout: 3ff0000000000000 c0000000 3c00 7bff
# stdout: 3dcccccd 0.10000000149011612
# stdout: 7ff8000000000000 7fc00000 7e00 fff0000000000000 7c00
# stdout: 1 0 1 8000
# stdout: 3ff0000000000001 1.0000000000000002
# stdout: OverflowError half
# stdout: OverflowError single
# stdout: 7f7fffff
# stdout: 0 0 0
# stdout: 0 0 0
# stdout: [63, 240, 0, 0, 0, 0, 0, 0] [0, 0, 128, 63] 1.0 1.0
# stdout: True True
# stdout: ok
import math
import random
import struct
import sys
from rpython.rlib.rstruct.ieee import float_pack, float_unpack, pack_float, unpack_float

# reference bit patterns computed at import time with the struct module
_rng = random.Random(1234)
SAMPLES = [0.0, -0.0, 1.0, -1.5, 0.1, 1e-310, 5e-324, 1.7976931348623157e308, 65504.0, 1e-7,
           6.1e-05, 6.0e-8, 3.0e-8, 2.9e-8, 1.0000001, 3.4028234e38, 1.17549435e-38, 1e-45]
for _ in range(2000):
    SAMPLES.append(_rng.uniform(-1e6, 1e6))
    SAMPLES.append(math.ldexp(_rng.random(), _rng.randint(-1080, 1023)))
    SAMPLES.append(math.ldexp(_rng.random(), _rng.randint(-160, 130)))
    SAMPLES.append(math.ldexp(_rng.random(), _rng.randint(-30, 17)))
FORMATS = [(8, "<d"), (4, "<f"), (2, "<e")]
EXPECTED = []
for _x in SAMPLES:
    row = []
    for _size, _fmt in FORMATS:
        try:
            row.append(int.from_bytes(struct.pack(_fmt, _x), "little"))
        except OverflowError:
            row.append(-1)
    EXPECTED.append(row)
BITS = []
for _ in range(3000):
    BITS.append((_rng.getrandbits(64), _rng.getrandbits(32), _rng.getrandbits(16)))
UNPACKED = []
for _q8, _q4, _q2 in BITS:
    UNPACKED.append((struct.unpack("<d", _q8.to_bytes(8, "little"))[0],
                     struct.unpack("<f", _q4.to_bytes(4, "little"))[0],
                     struct.unpack("<e", _q2.to_bytes(2, "little"))[0]))


def same_float(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def entry_point(argv):
    print("%x %x %x %x" % (float_pack(1.0, 8), float_pack(-2.0, 4), float_pack(1.0, 2),
                           float_pack(65504.0, 2)))
    print("%x" % float_pack(0.1, 4), float_unpack(0x3dcccccd, 4))
    print("%x %x %x %x %x" % (float_pack(float("nan"), 8), float_pack(float("nan"), 4),
                              float_pack(float("nan"), 2), float_pack(float("-inf"), 8),
                              float_pack(float("inf"), 2)))
    print("%x %x %x %x" % (float_pack(5e-324, 8), float_pack(1e-8, 2),
                           float_pack(5.960464477539063e-08, 2), float_pack(-0.0, 2)))
    q = float_pack(1.0, 8) + 1
    print("%x" % q, float_unpack(q, 8))
    try:
        float_pack(65520.0, 2)
    except OverflowError:
        print("OverflowError half")
    try:
        float_pack(1e39, 4)
    except OverflowError:
        print("OverflowError single")
    print("%x" % float_pack(3.4028235e38, 4))
    # against the reference patterns
    wrong = [0, 0, 0]
    for i in range(len(SAMPLES)):
        for j in range(3):
            size = FORMATS[j][0]
            try:
                got = int(float_pack(SAMPLES[i], size))
            except OverflowError:
                got = -1
            if got != EXPECTED[i][j]:
                wrong[j] += 1
    print(wrong[0], wrong[1], wrong[2])
    wrong = [0, 0, 0]
    for i in range(len(BITS)):
        q8, q4, q2 = BITS[i]
        r8, r4, r2 = UNPACKED[i]
        if not same_float(float_unpack(q8, 8), r8):
            wrong[0] += 1
        if not same_float(float_unpack(q4, 4), r4):
            wrong[1] += 1
        if not same_float(float_unpack(q2, 2), r2):
            wrong[2] += 1
    print(wrong[0], wrong[1], wrong[2])
    print(list(pack_float(1.0, 8, True)), list(pack_float(1.0, 4, False)),
          unpack_float(b"\x3f\xf0\x00\x00\x00\x00\x00\x00", True), unpack_float(b"\x00\x3c", False))
    rt = True
    for x in SAMPLES:
        rt = rt and same_float(float_unpack(float_pack(x, 8), 8), x)
    print(rt, same_float(float_unpack(float_pack(-0.0, 4), 4), -0.0))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
