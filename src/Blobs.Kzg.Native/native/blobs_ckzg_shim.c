/*
 * Blobs.Kzg.Native shim over c-kzg-4844 4.1.0.
 *
 * This file #includes c-kzg's single translation unit (ckzg.c) so that it can reach internal
 * (static) functions; scripts/bootstrap.sh then compiles this file INSTEAD of ckzg.c. Everything
 * c-kzg exports stays exported; the functions below are added:
 *
 *   blobs_ckzg_shim_version      ABI version of this shim (the managed side checks it).
 *   blobs_ckzg_settings_size     sizeof(KZGSettings), so managed code allocates it exactly.
 *   blobs_ckzg_check_g1          classify one compressed G1 point (encoding, on curve, in the
 *                                subgroup), used to name the offending commitment/proof after
 *                                C_KZG_BADARGS.
 *   blobs_ckzg_compute_challenge compute_challenge (deneb), through c-kzg's static function.
 *   blobs_ckzg_compute_verify_cell_kzg_proof_batch_challenge
 *                                compute_verify_cell_kzg_proof_batch_challenge (fulu spec
 *                                transcript; see the note at the function).
 */

#include "ckzg.c"

#define BLOBS_CKZG_SHIM_VERSION 1

uint32_t blobs_ckzg_shim_version(void) {
    return BLOBS_CKZG_SHIM_VERSION;
}

uint64_t blobs_ckzg_settings_size(void) {
    return (uint64_t)sizeof(KZGSettings);
}

/*
 * Classifies one compressed G1 point the way validate_kzg_g1 (bytes_to_kzg_commitment/proof)
 * judges it: 0 valid (infinity included), 1 bad encoding (as blst_p1_uncompress reports it:
 * compression/infinity flags, x not below the field modulus…), 2 not on the curve, 3 on the curve
 * but not in the G1 subgroup.
 */
int blobs_ckzg_check_g1(const Bytes48 *b) {
    blst_p1_affine affine;
    blst_p1 point;
    BLST_ERROR err;

    if (b == NULL) return BLST_BAD_ENCODING;
    err = blst_p1_uncompress(&affine, b->bytes);
    if (err != BLST_SUCCESS) return err == BLST_POINT_NOT_ON_CURVE ? 2 : 1;
    blst_p1_from_affine(&point, &affine);
    if (blst_p1_is_inf(&point)) return 0;
    return blst_p1_in_g1(&point) ? 0 : 3;
}

/*
 * compute_challenge(blob, commitment): hash_to_bls_field(sha256(FSBLOBVERIFY_V1_ || degree ||
 * blob || commitment)). c-kzg's compute_challenge takes a decoded commitment and re-encodes it;
 * for a valid point the encoding round-trips, so the transcript is the spec's.
 */
C_KZG_RET blobs_ckzg_compute_challenge(Bytes32 *out, const Blob *blob, const Bytes48 *commitment_bytes) {
    C_KZG_RET ret;
    g1_t commitment;
    fr_t challenge;

    if (out == NULL || blob == NULL || commitment_bytes == NULL) return C_KZG_BADARGS;
    ret = bytes_to_kzg_commitment(&commitment, commitment_bytes);
    if (ret != C_KZG_OK) return ret;
    compute_challenge(&challenge, blob, &commitment);
    bytes_from_bls_field(out, &challenge);
    return C_KZG_OK;
}

/*
 * compute_verify_cell_kzg_proof_batch_challenge(commitments, commitment_indices, cell_indices,
 * cosets_evals, proofs) of the fulu spec: hash_to_bls_field(sha256(transcript)) with the transcript
 *   "RCKZGCBATCH__V1_" || FIELD_ELEMENTS_PER_BLOB || FIELD_ELEMENTS_PER_CELL || len(commitments)
 *   || len(cell_indices) || commitments || per cell: commitment_index || cell_index || cell || proof
 * (integers as u64 big-endian). c-kzg 4.1.0's own compute_r_powers_for_verify_cell_kzg_proof_batch
 * leaves FIELD_ELEMENTS_PER_BLOB out of its transcript, so its r differs from the spec's (any r
 * gives the same verification result); this function follows the spec, which the official vectors
 * pin, using c-kzg's sha256 and hash_to_bls_field.
 */
C_KZG_RET blobs_ckzg_compute_verify_cell_kzg_proof_batch_challenge(
    Bytes32 *out,
    const Bytes48 *commitments_bytes,
    uint64_t num_commitments,
    const uint64_t *commitment_indices,
    const uint64_t *cell_indices,
    const Cell *cells,
    const Bytes48 *proofs_bytes,
    uint64_t num_cells
) {
    C_KZG_RET ret;
    uint8_t *bytes = NULL;
    uint8_t *offset;
    Bytes32 r_bytes;
    fr_t r;
    size_t input_size;

    if (out == NULL) return C_KZG_BADARGS;
    if (num_commitments > 0 && commitments_bytes == NULL) return C_KZG_BADARGS;
    if (num_cells > 0 && (commitment_indices == NULL || cell_indices == NULL || cells == NULL || proofs_bytes == NULL))
        return C_KZG_BADARGS;
    for (uint64_t i = 0; i < num_cells; i++) {
        if (commitment_indices[i] >= num_commitments) return C_KZG_BADARGS;
    }

    /* 1. Size and allocate the transcript. */
    input_size = DOMAIN_STR_LENGTH + 4 * sizeof(uint64_t) + num_commitments * BYTES_PER_COMMITMENT
                 + num_cells * (2 * sizeof(uint64_t) + BYTES_PER_CELL + BYTES_PER_PROOF);
    ret = c_kzg_malloc((void **)&bytes, input_size);
    if (ret != C_KZG_OK) return ret;
    offset = bytes;

    /* 2. Domain separator and sizes. */
    memcpy(offset, RANDOM_CHALLENGE_DOMAIN_VERIFY_CELL_KZG_PROOF_BATCH, DOMAIN_STR_LENGTH);
    offset += DOMAIN_STR_LENGTH;
    bytes_from_uint64(offset, FIELD_ELEMENTS_PER_BLOB);
    offset += sizeof(uint64_t);
    bytes_from_uint64(offset, FIELD_ELEMENTS_PER_CELL);
    offset += sizeof(uint64_t);
    bytes_from_uint64(offset, num_commitments);
    offset += sizeof(uint64_t);
    bytes_from_uint64(offset, num_cells);
    offset += sizeof(uint64_t);

    /* 3. The distinct commitments. */
    for (uint64_t i = 0; i < num_commitments; i++) {
        memcpy(offset, &commitments_bytes[i], BYTES_PER_COMMITMENT);
        offset += BYTES_PER_COMMITMENT;
    }

    /* 4. Per cell: commitment index, cell index, the cell's evaluations, its proof. */
    for (uint64_t i = 0; i < num_cells; i++) {
        bytes_from_uint64(offset, commitment_indices[i]);
        offset += sizeof(uint64_t);
        bytes_from_uint64(offset, cell_indices[i]);
        offset += sizeof(uint64_t);
        memcpy(offset, &cells[i], BYTES_PER_CELL);
        offset += BYTES_PER_CELL;
        memcpy(offset, &proofs_bytes[i], BYTES_PER_PROOF);
        offset += BYTES_PER_PROOF;
    }

    /* 5. Hash to a field element. */
    blst_sha256(r_bytes.bytes, bytes, input_size);
    hash_to_bls_field(&r, &r_bytes);
    c_kzg_free(bytes);

    bytes_from_bls_field(out, &r);
    return C_KZG_OK;
}
