using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Blobs.Cli;
using static Blobs.Cli.Tests.Cli;

namespace Blobs.Cli.Tests.Transactions;

/// <summary><c>blob tx decode</c> on cast's vectors, its errors, and key handling of <c>tx build</c> / <c>send</c>.</summary>
public class TxCommandTests
{
    private const string DevKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private static string Vector(string name, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "vectors", "transactions", name));

    [Theory]
    [InlineData("v0-1blob-accesslist", "network-v0", 0)]
    [InlineData("v1-1blob-accesslist", "network-v1", 1)]
    [InlineData("v1-2blobs", "network-v1", 1)]
    public async Task Decode_json_has_the_fields_of_cast_in_the_json_convention(string name, string form, int version)
    {
        var j = await Json("tx", "decode", Vector(name + ".hex"), "--kzg", "auto");
        var cast = JsonDocument.Parse(File.ReadAllText(Vector(name + ".cast.json"))).RootElement;
        // cast writes JSON-RPC quantities (0x-hex); blob writes numbers, wei as decimal strings, r and s as 32-byte hex.
        BigInteger Quantity(string field) => BigInteger.Parse("0" + cast.GetProperty(field).GetString()![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        foreach (var field in new[] { "type", "chainId", "nonce", "gas", "yParity" })
            Assert.Equal(Quantity(field), new BigInteger(j.GetProperty(field).GetUInt64()));
        foreach (var field in new[] { "maxPriorityFeePerGas", "maxFeePerGas", "value", "maxFeePerBlobGas" })
            Assert.Equal(Quantity(field).ToString(CultureInfo.InvariantCulture), j.GetProperty(field).GetString());
        foreach (var field in new[] { "r", "s" })
        {
            Assert.Matches("^0x[0-9a-f]{64}$", j.GetProperty(field).GetString());
            Assert.Equal(Quantity(field), BigInteger.Parse("0" + j.GetProperty(field).GetString()![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }
        foreach (var field in new[] { "to", "input", "hash" })
            Assert.Equal(cast.GetProperty(field).GetString(), j.GetProperty(field).GetString());
        Assert.Equal(cast.GetProperty("signer").GetString(), j.GetProperty("from").GetString());
        Assert.Equal(JsonSerializer.Serialize(cast.GetProperty("accessList")), JsonSerializer.Serialize(j.GetProperty("accessList")));
        Assert.Equal(cast.GetProperty("blobVersionedHashes").EnumerateArray().Select(x => x.GetString()), j.GetProperty("blobVersionedHashes").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(form, j.GetProperty("form").GetString());
        var sc = j.GetProperty("sidecar");
        Assert.Equal(version, sc.GetProperty("version").GetInt32());
        Assert.Equal(cast.GetProperty("commitments").EnumerateArray().Select(x => x.GetString()), sc.GetProperty("commitments").EnumerateArray().Select(x => x.GetString()));
        int blobs = sc.GetProperty("blobs").GetArrayLength();
        Assert.Equal(cast.GetProperty("blobVersionedHashes").GetArrayLength(), blobs);
        Assert.All(sc.GetProperty("blobs").EnumerateArray(), b => Assert.Equal(2 + 2 * 131072, b.GetString()!.Length));
        Assert.Equal(version == 0 ? blobs : blobs * 128, sc.GetProperty("proofs").GetArrayLength());
        Assert.True(j.GetProperty("validation").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Decode_text_names_the_fields_and_the_verdict()
    {
        var (code, output, err) = await Run("tx", "decode", File.ReadAllText(Vector("v0-1blob-accesslist.hex")).Trim());
        Assert.True(code == 0, err);
        Assert.Contains("network-v0", output);
        Assert.Contains("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", output);
        Assert.Contains("0x2222222222222222222222222222222222222222 (2 keys)", output);
        Assert.Contains("1 blob proof(s)", output);
        Assert.Contains("verdict", output);
    }

    [Fact]
    public async Task Decode_payload_only_has_no_sidecar()
    {
        // The payload of the v1 vector: re-encode through the library.
        var decoded = Blobs.Transactions.BlobTransactionCodec.DecodeHex(File.ReadAllText(Vector("v1-1blob-accesslist.hex")));
        var payload = Blobs.Kzg.Hex.Encode(Blobs.Transactions.BlobTransactionCodec.EncodePayload(decoded.Transaction));
        var (code, output, err) = await Run("tx", "decode", payload, "--json");
        Assert.True(code == 0, err);
        var j = JsonConvention.Parse(output);
        Assert.Equal("payload", j.GetProperty("form").GetString());
        Assert.False(j.TryGetProperty("sidecar", out _));
        Assert.Equal("0x248d970e74e2b83114a1b3ba69b8614fc75420ac383ae43f75796260aa5b0a49", j.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Decode_invalid_transaction_exits_1_with_the_reasons()
    {
        var (code, output, _) = await Run("tx", "decode", Vector("v1-2blobs.hex"), "--chain-id", "5", "--max-blobs", "1", "--json", "--no-blobs");
        Assert.Equal(1, code);
        var v = JsonConvention.Parse(output).GetProperty("validation");
        Assert.False(v.GetProperty("valid").GetBoolean());
        var errors = v.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(errors, e => e.Contains("chain id 1 does not match the chain's 5"));
        Assert.Contains(errors, e => e.Contains("2 blobs exceed the limit of 1"));
        Assert.Equal(2, JsonConvention.Parse(output).GetProperty("sidecar").GetProperty("blobs").GetInt32());
    }

    [Theory]
    [InlineData("0x03c0", "payload has 0 fields")]
    [InlineData("0x02c0", "type byte is 0x02")]
    [InlineData("0x03zz", "invalid hex")]
    [InlineData("nonsense", "neither a file nor 0x-hex")]
    public async Task Decode_malformed_input_exits_2_with_a_precise_error(string input, string expected)
    {
        var (code, _, err) = await Run("tx", "decode", input);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task Decode_truncated_file_names_the_truncation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blobs-cli-trunc-{Environment.ProcessId}.hex");
        var hex = File.ReadAllText(Vector("v0-1blob-accesslist.hex")).Trim();
        File.WriteAllText(path, hex[..(hex.Length / 2 & ~1)]);
        try
        {
            var (code, _, err) = await Run("tx", "decode", path);
            Assert.Equal(2, code);
            Assert.Contains("truncated", err);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("--private-key", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff8")]   // 63 hex digits
    [InlineData("--private-key", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ffzz")]
    [InlineData("--private-key", "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80ac")]
    public async Task A_bad_key_is_refused_without_being_shown(string option, string key)
    {
        var data = Path.Combine(Path.GetTempPath(), $"blobs-cli-key-{Environment.ProcessId}.bin");
        File.WriteAllBytes(data, [1, 2, 3]);
        try
        {
            var (code, output, err) = await Run("tx", "build", data, "--to", "0x000000000000000000000000000000000000dEaD", option, key, "--verbose");
            Assert.Equal(2, code);
            var all = output + err;
            Assert.Contains("the key is not shown", all);
            Assert.DoesNotContain(key.Replace("0x", ""), all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ac0974bec39a17e36ba4a6b4d238ff94", all, StringComparison.OrdinalIgnoreCase);
        }
        finally { File.Delete(data); }
    }

    [Fact]
    public async Task The_private_key_flag_is_warned_about_and_never_printed()
    {
        var data = Path.Combine(Path.GetTempPath(), $"blobs-cli-key2-{Environment.ProcessId}.bin");
        File.WriteAllBytes(data, [1, 2, 3]);
        try
        {
            // Offline without the fee options: refused after the key is read; the key must not appear anywhere.
            var (code, output, err) = await Run("tx", "build", data, "--to", "0x000000000000000000000000000000000000dEaD", "--private-key", DevKey, "--verbose");
            Assert.NotEqual(0, code);
            Assert.Contains("warning: --private-key exposes the key", err);
            Assert.DoesNotContain(DevKey[2..], output + err, StringComparison.OrdinalIgnoreCase);
        }
        finally { File.Delete(data); }
    }

    [Fact]
    public async Task A_wrong_keystore_password_is_refused_without_the_password()
    {
        var dir = Directory.CreateTempSubdirectory("blobs-cli-ks-");
        try
        {
            var service = new Nethereum.KeyStore.KeyStoreService();
            var keyBytes = Blobs.Kzg.Hex.Decode(DevKey);
            var json = service.EncryptAndGenerateDefaultKeyStoreAsJson("right-password", keyBytes, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
            var ks = Path.Combine(dir.FullName, "key.json");
            var pw = Path.Combine(dir.FullName, "pw.txt");
            var data = Path.Combine(dir.FullName, "data.bin");
            File.WriteAllText(ks, json);
            File.WriteAllText(pw, "wrong-password-xyz\n");
            File.WriteAllBytes(data, [1]);
            var (code, output, err) = await Run("tx", "build", data, "--to", "0x000000000000000000000000000000000000dEaD", "--keystore", ks, "--password-file", pw, "--verbose");
            Assert.Equal(2, code);
            Assert.Contains("cannot decrypt keystore", err);
            Assert.DoesNotContain("wrong-password-xyz", output + err);
            Assert.DoesNotContain(DevKey[2..], output + err, StringComparison.OrdinalIgnoreCase);
        }
        finally { dir.Delete(true); }
    }
}
