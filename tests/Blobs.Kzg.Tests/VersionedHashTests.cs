using System.Security.Cryptography;
using Blobs.Kzg;

namespace Blobs.Kzg.Tests;

public class VersionedHashTests
{
    [Fact]
    public void Is_version_byte_then_sha256_tail()
    {
        var commitment = KzgCommitment.Infinity;
        var expected = SHA256.HashData(commitment.Bytes);
        expected[0] = 0x01;
        Assert.Equal(expected, VersionedHash.FromCommitment(commitment).Bytes.ToArray());
    }

    [Fact]
    public void Rejects_wrong_version_and_length()
    {
        Assert.Contains("version byte 0x02", Assert.Throws<KzgInputException>(() => VersionedHash.FromBytes(new byte[32] { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })).Message);
        Assert.Contains("expected 32 bytes, got 31", Assert.Throws<KzgInputException>(() => VersionedHash.FromBytes(new byte[31])).Message);
    }

    [Fact]
    public void Field_element_rejects_modulus_and_accepts_modulus_minus_one()
    {
        var modulus = KzgConstants.BlsModulusBigEndian.ToArray();
        Assert.Throws<KzgInputException>(() => FieldElement.FromBytes(modulus));
        modulus[31] -= 1;
        Assert.Equal(modulus, FieldElement.FromBytes(modulus).Bytes.ToArray());
    }
}
