using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Blobs.IntegrationTests.Transactions;

/// <summary>
/// A FAKE in front of a real anvil, for the one behaviour anvil does not have: anvil (osaka) accepts v0 sidecars and always
/// answers eth_config, while a post-Osaka geth without EIP-7910 would refuse a v0 sidecar and not know eth_config. The proxy
/// forwards every call to anvil, except that it answers eth_config with "method not found" and refuses an
/// eth_sendRawTransaction whose network form is v0 (4 elements) the way geth does.
/// </summary>
internal sealed class FakeOsakaGethProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new();
    private readonly string _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _loop;

    public FakeOsakaGethProxy(string upstream)
    {
        _upstream = upstream;
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        // A dedicated thread with blocking I/O: the proxy must answer even when the test host's thread pool is
        // saturated by other tests (KZG work in parallel), or the client under test would time out for no fault of its own.
        _loop = new Thread(Loop) { IsBackground = true, Name = "fake-osaka-geth" };
        _loop.Start();
    }

    public string Url { get; }

    /// <summary>The sidecar forms of the raw transactions seen, in order ("v0", "v1").</summary>
    public List<string> RawForms { get; } = [];

    private void Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try { ctx = _listener.GetContext(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            // Any failure (upstream gone, client gave up and the response was disposed, stop requested)
            // drops this one exchange; an exception escaping this thread would kill the test host.
            try { Handle(ctx); }
            catch (Exception)
            {
                try { ctx.Response.Abort(); }
                catch (ObjectDisposedException) { }
            }
        }
    }

    private void Handle(HttpListenerContext ctx)
    {
        string body;
        using (var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8)) body = reader.ReadToEnd();
        var request = JsonNode.Parse(body)!;
        var method = request["method"]?.GetValue<string>();
        string answer;
        if (method == "eth_config")
            answer = Error(request, -32601, "the method eth_config does not exist/is not available");
        else if (method == "eth_sendRawTransaction" && IsV0(request["params"]![0]!.GetValue<string>()))
        {
            lock (RawForms) RawForms.Add("v0");
            answer = Error(request, -32602, "invalid sidecar: legacy blob proofs are not accepted after Osaka, use cell proofs (wrapper version 1)");
        }
        else
        {
            if (method == "eth_sendRawTransaction") lock (RawForms) RawForms.Add("v1");
            using var forward = new HttpRequestMessage(HttpMethod.Post, _upstream) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = _http.Send(forward);
            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
            answer = reader.ReadToEnd();
        }
        var bytes = Encoding.UTF8.GetBytes(answer);
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength64 = bytes.Length;
        ctx.Response.OutputStream.Write(bytes);
        ctx.Response.Close();
    }

    private static string Error(JsonNode request, int code, string message) =>
        new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    /// <summary>Network form v0 has 4 outer elements: the second is a list of blobs; v1's second is the integer 1.</summary>
    private static bool IsV0(string hex)
    {
        var d = Blobs.Transactions.BlobTransactionCodec.DecodeHex(hex);
        return d.Form == Blobs.Transactions.TransactionForm.NetworkV0;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _loop.Join(2000);
        _http.Dispose();
    }
}
