# `with`: __exit__ gets None, None, None on the normal path and the exception's class and
# instance when the body raises, so its parameters are a class or None (a nullable type) and an
# instance or None; a true result suppresses the exception.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph Guard.__exit__(self: Guard, etype: type (subclass of BaseException) or None, evalue: BaseException or None, tb: None)
# not: error


class Guard(object):
    def __enter__(self):
        return self

    def __exit__(self, etype, evalue, tb):
        return etype is not None and issubclass(etype, KeyError)


def check(n):
    if n > 5:
        raise ValueError("big")
    return n


def work(n):
    with Guard():
        if n > 1:
            raise KeyError(n)
        check(n)
    return n


def entry_point(argv):
    return work(len(argv))
