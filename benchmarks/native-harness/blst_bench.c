/*
 * Micro-benchmark of blst's BLS12-381 base-field and G1/G2 primitives, to compare with the managed
 * Blobs.Bls12381 implementation (benchmarks/Blobs.Benchmarks/Bls12381). Built and run by
 * blst_bench.sh from the blst sources shipped in the c-kzg@4.1.0 npm tarball (scripts/bootstrap.sh).
 * Every operation runs as a dependent chain (each result feeds the next call), the same shape as
 * the managed benchmarks, and the best of several runs is reported in ns per operation, measured
 * in thread CPU time so that other processes sharing the cores do not inflate the numbers.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "blst.h"

/* Assembly entry points (not in blst.h): mulx_/sqrx_ when built with ADX (-march with adx), else mulq. */
typedef uint64_t limb_t;
typedef limb_t vec384[6];
#if defined(__ADX__)
# define mul_mont_384 mulx_mont_384
# define sqr_mont_384 sqrx_mont_384
# define FLAVOUR "mulx/adx"
#else
# define FLAVOUR "mulq (as scripts/bootstrap.sh builds libckzg.so)"
#endif
extern void mul_mont_384(vec384 ret, const vec384 a, const vec384 b, const vec384 p, limb_t n0);
extern void sqr_mont_384(vec384 ret, const vec384 a, const vec384 p, limb_t n0);
extern void add_mod_384(vec384 ret, const vec384 a, const vec384 b, const vec384 p);

static const vec384 P = {
    0xb9feffffffffaaab, 0x1eabfffeb153ffff, 0x6730d2a0f6b0f624,
    0x64774b84f38512bf, 0x4b1ba7b6434bacd7, 0x1a0111ea397fe69a };
static const limb_t P0 = 0x89f3fffcfffcfffd;

static double now_ns(void) {
    struct timespec ts; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

#define BENCH(name, iters, body) do { \
    double best = 1e30; \
    for (int run = 0; run < 9; run++) { \
        double t0 = now_ns(); \
        for (long i = 0; i < (iters); i++) { body; } \
        double dt = (now_ns() - t0) / (iters); \
        if (dt < best) best = dt; \
    } \
    printf("%-34s %10.2f ns/op\n", name, best); \
} while (0)

int main(void) {
    blst_fp a, b;
    uint64_t la[6] = { 0x1234567890abcdefULL, 0xfedcba0987654321ULL, 0x0f1e2d3c4b5a6978ULL,
                       0x8796a5b4c3d2e1f0ULL, 0x1111222233334444ULL, 0x0123456789abcdefULL };
    uint64_t lb[6] = { 0x9999aaaabbbbccccULL, 0x5555666677778888ULL, 0x0101010101010101ULL,
                       0xabcdefabcdefabcdULL, 0x1357913579135791ULL, 0x0024680246802468ULL };
    blst_fp_from_uint64(&a, la);
    blst_fp_from_uint64(&b, lb);
    vec384 x, y;
    memcpy(x, &a, sizeof x); memcpy(y, &b, sizeof y);

    printf("blst assembly: %s\n", FLAVOUR);
    BENCH("(warm-up)", 20000000, mul_mont_384(x, x, y, P, P0));
    BENCH("mul_mont_384 (Fp mul)", 20000000, mul_mont_384(x, x, y, P, P0));
    BENCH("sqr_mont_384 (Fp square)", 20000000, sqr_mont_384(x, x, P, P0));
    BENCH("add_mod_384 (Fp add)", 50000000, add_mod_384(x, x, y, P));
    BENCH("blst_fp_mul", 20000000, blst_fp_mul(&a, &a, &b));
    BENCH("blst_fp_sqr", 20000000, blst_fp_sqr(&a, &a));
    BENCH("blst_fp_add", 50000000, blst_fp_add(&a, &a, &b));
    blst_fr fa, fb;
    uint64_t sa[4] = { 0x1234567890abcdefULL, 0xfedcba0987654321ULL, 0x0f1e2d3c4b5a6978ULL, 0x3796a5b4c3d2e1f0ULL };
    uint64_t sb[4] = { 0x9999aaaabbbbccccULL, 0x5555666677778888ULL, 0x0101010101010101ULL, 0x2bcdefabcdefabcdULL };
    blst_fr_from_uint64(&fa, sa);
    blst_fr_from_uint64(&fb, sb);
    BENCH("blst_fr_mul", 20000000, blst_fr_mul(&fa, &fa, &fb));
    blst_fp2 x2, y2;
    x2.fp[0] = a; x2.fp[1] = b; y2.fp[0] = b; y2.fp[1] = a;
    BENCH("blst_fp2_mul", 5000000, blst_fp2_mul(&x2, &x2, &y2));
    BENCH("blst_fp2_sqr", 5000000, blst_fp2_sqr(&x2, &x2));
    BENCH("blst_fp_inverse", 200000, { blst_fp_inverse(&a, &a); blst_fp_add(&a, &a, &b); });
    BENCH("blst_fp_sqrt", 100000, { blst_fp_sqrt(&a, &a); blst_fp_add(&a, &a, &b); });

    const blst_p1 g1 = *blst_p1_generator();
    blst_p1 p = g1, q;
    blst_p1_double(&q, &p);
    blst_p1_double(&q, &q);
    blst_p1_add(&q, &q, &g1); /* q = [5]G */
    blst_p1_affine qa; blst_p1_to_affine(&qa, &q);
    BENCH("blst_p1_add_or_double_affine", 2000000, blst_p1_add_or_double_affine(&p, &p, &qa));
    p = g1;
    BENCH("blst_p1_add_affine (mixed add)", 2000000, blst_p1_add_affine(&p, &p, &qa));
    p = g1;
    BENCH("blst_p1_add_or_double", 2000000, blst_p1_add_or_double(&p, &p, &q));
    p = g1;
    BENCH("blst_p1_add", 2000000, blst_p1_add(&p, &p, &q));
    p = g1;
    BENCH("blst_p1_double", 2000000, blst_p1_double(&p, &p));
    p = g1;
    BENCH("blst_p1_to_affine", 200000, { blst_p1_to_affine(&qa, &p); blst_p1_add_affine(&p, &p, &qa); });

    byte scalar[32];
    for (int i = 0; i < 32; i++) scalar[i] = (byte)(0x5a ^ (i * 37));
    scalar[31] &= 0x3f;
    p = g1;
    BENCH("blst_p1_mult (255-bit)", 2000, blst_p1_mult(&p, &p, scalar, 255));

    if (blst_p1_is_inf(&p)) { printf("unexpected infinity\n"); return 1; }
    byte c1[48];
    blst_p1_affine pa;
    blst_p1_to_affine(&pa, &p);
    blst_p1_affine_compress(c1, &pa);
    BENCH("blst_p1_uncompress", 20000, { if (blst_p1_uncompress(&pa, c1) != BLST_SUCCESS) return 1; });
    BENCH("blst_p1_affine_in_g1", 20000, { if (!blst_p1_affine_in_g1(&pa)) return 1; });

    blst_p2 p2 = *blst_p2_generator();
    blst_p2_double(&p2, &p2);
    blst_p2_affine p2a; blst_p2_to_affine(&p2a, &p2);
    byte c2[96];
    blst_p2_affine_compress(c2, &p2a);
    BENCH("blst_p2_uncompress", 10000, { if (blst_p2_uncompress(&p2a, c2) != BLST_SUCCESS) return 1; });
    BENCH("blst_p2_affine_in_g2", 10000, { if (!blst_p2_affine_in_g2(&p2a)) return 1; });
    BENCH("blst_p2_double", 1000000, blst_p2_double(&p2, &p2));
    BENCH("blst_p2_add_affine (mixed add)", 1000000, blst_p2_add_affine(&p2, &p2, &p2a));

    /* Keep the results alive. */
    printf("(checksum %llx %llx %llx)\n", (unsigned long long)x[0], (unsigned long long)p.x.l[0], (unsigned long long)fa.l[0]);
    return 0;
}
