# Loops and tuples: Fibonacci, Collatz lengths, gcd, swapping through tuples, nested loops,
# break and continue.
def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a

def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def divmod_pair(a, b):
    return (a // b, a % b)

def entry_point(argv):
    print(fib(10), fib(50), fib(90))
    best, arg = 0, 0
    for i in range(1, 3000):
        c = collatz(i)
        if c > best:
            best, arg = c, i
    print("collatz", arg, best)
    print(gcd(1071, 462), gcd(17, 5), divmod_pair(-17, 5))
    primes = 0
    for n in range(2, 2000):
        for d in range(2, n):
            if d * d > n:
                primes += 1
                break
            if n % d == 0:
                break
    print("primes below 2000:", primes + 1)
    return 0
