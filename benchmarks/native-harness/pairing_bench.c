/*
 * Micro-benchmark of blst's BLS12-381 pairing, to compare with the managed Blobs.Bls12381 pairing
 * (benchmarks/Blobs.Benchmarks/Bls12381/PairingBenchmarks.cs). Built and run by pairing_bench.sh
 * from the blst and c-kzg sources shipped in the c-kzg@4.1.0 npm tarball (scripts/bootstrap.sh).
 * c-kzg is compiled in (its unity file ckzg.c) so that its own pairings_verify — the 2-pair check
 * that verify_kzg_proof and verify_blob_kzg_proof end with — is timed as c-kzg runs it.
 * Times are the best of several runs, in thread CPU time (other processes sharing the cores do not
 * inflate them). It also prints e(G1, G2) (after blst's final exponentiation) as 12 big-endian
 * base-field elements, c0.c0.c0 first, to cross-check the managed known-answer test.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "ckzg.c"

static double now_ns(void) {
    struct timespec ts; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

#define BENCH(name, iters, body) do { \
    double best = 1e30; \
    for (int run = 0; run < 7; run++) { \
        double t0 = now_ns(); \
        for (long i = 0; i < (iters); i++) { body; } \
        double dt = (now_ns() - t0) / (iters); \
        if (dt < best) best = dt; \
    } \
    printf("%-44s %10.2f us/op\n", name, best / 1000.0); \
} while (0)

static void print_fp12(const char *label, const blst_fp12 *f) {
    printf("%s\n", label);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 2; k++) {
                byte be[48];
                blst_bendian_from_fp(be, &f->fp6[i].fp2[j].fp[k]);
                printf("  c%d.c%d.c%d 0x", i, j, k);
                for (int b = 0; b < 48; b++) printf("%02x", be[b]);
                printf("\n");
            }
}

int main(void) {
    const blst_p1_affine *g1 = blst_p1_affine_generator();
    const blst_p2_affine *g2 = blst_p2_affine_generator();

    /* Known answer: e(G1, G2). */
    blst_fp12 ml, gt;
    blst_miller_loop(&ml, g2, g1);
    blst_final_exp(&gt, &ml);
    print_fp12("e(G1, G2) after blst_final_exp:", &gt);

    /* Operands: P = [a]G1, Q = [b]G2 for fixed 255-bit scalars. */
    byte sa[32], sb[32];
    for (int i = 0; i < 32; i++) { sa[i] = (byte)(0x5a ^ (i * 37)); sb[i] = (byte)(0xa5 ^ (i * 91)); }
    sa[31] &= 0x3f; sb[31] &= 0x3f;
    blst_p1 p; blst_p1_mult(&p, blst_p1_generator(), sa, 255);
    blst_p2 q; blst_p2_mult(&q, blst_p2_generator(), sb, 255);
    blst_p1_affine pa; blst_p1_to_affine(&pa, &p);
    blst_p2_affine qa; blst_p2_to_affine(&qa, &q);
    const blst_p1_affine *Ps[2] = { &pa, g1 };
    const blst_p2_affine *Qs[2] = { g2, &qa };

    blst_fp12 f = ml, acc;
    BENCH("blst_miller_loop (1 pair, affine Q)", 400, blst_miller_loop(&f, &qa, &pa));
    BENCH("blst_miller_loop_n (2 pairs, shared squarings)", 200, blst_miller_loop_n(&f, Qs, Ps, 2));
    static blst_fp6 lines[68];
    BENCH("blst_precompute_lines", 400, blst_precompute_lines(lines, &qa));
    BENCH("blst_miller_loop_lines (1 pair, precomputed)", 400, blst_miller_loop_lines(&f, lines, &pa));
    BENCH("blst_final_exp", 400, blst_final_exp(&acc, &f));
    BENCH("blst_fp12_mul", 200000, blst_fp12_mul(&f, &f, &ml));
    BENCH("blst_fp12_sqr", 200000, blst_fp12_sqr(&f, &f));
    blst_final_exp(&acc, &ml);
    BENCH("blst_fp12_cyclotomic_sqr", 200000, blst_fp12_cyclotomic_sqr(&acc, &acc));

    /* c-kzg's 2-pair check: e(a1, a2) == e(b1, b2) with a1 = b1 = P, a2 = b2 = Q (true). */
    g1_t a1 = p; g2_t a2 = q;
    bool ok = true;
    BENCH("c-kzg pairings_verify (2 pairs, true)", 200, ok &= pairings_verify(&a1, &a2, &a1, &a2));
    if (!ok) { printf("pairings_verify returned false\n"); return 1; }
    return 0;
}
