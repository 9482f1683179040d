using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Blobs.IntegrationTests.Faults;

/// <summary>How the fake node answers one request.</summary>
public enum Fault
{
    /// <summary>Reads the request and never answers (the connection stays open until the server stops).</summary>
    Hang,
    /// <summary>Reads the request and resets the connection (TCP RST).</summary>
    Reset,
    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    Garbage,
    /// <summary>HTTP 200 with JSON that is not a JSON-RPC answer.</summary>
    WrongJson,
    /// <summary>HTTP 500.</summary>
    Http500,
    /// <summary>HTTP 503.</summary>
    Http503,
    /// <summary>HTTP 404.</summary>
    Http404,
    /// <summary>A good answer from <see cref="FaultyHttpServer.Answer"/>.</summary>
    Ok,
}

/// <summary>
/// A fake, misbehaving node on 127.0.0.1 (a raw TcpListener speaking just enough HTTP/1.1): each request gets the
/// next fault of a script (the last one repeats), so a test can make an endpoint time out, reset, return garbage or
/// HTTP errors, or fail a few times and then answer. It records the method (JSON-RPC) or path (GET) of every request.
/// Real nodes cannot be made to fail on cue; this one exists only for that, and stops with the test.
/// </summary>
public sealed class FaultyHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Fault[] _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _loop;
    private int _count;

    /// <summary>Starts a server that answers request i with <paramref name="script"/>[min(i, last)].</summary>
    public FaultyHttpServer(params Fault[] script)
    {
        _script = script.Length > 0 ? script : [Fault.Ok];
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The base URL.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>What each request asked for, in order: the JSON-RPC method, or "GET path".</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The body of a good answer to a request (default: a JSON-RPC answer with result "0x1" and the request's id).</summary>
    public Func<string, string, string> Answer { get; set; } = (_, body) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{Id(body)},\"result\":\"0x1\"}}";

    /// <summary>The request id in a JSON-RPC body (1 when absent).</summary>
    public static string Id(string body) => Regex.Match(body, "\"id\"\\s*:\\s*(\\d+)") is { Success: true } m ? m.Groups[1].Value : "1";

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException) { return; }
            lock (_open) _open.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var (head, body) = await ReadRequestAsync(stream);
            if (head is null) return;
            var path = head.Split(' ') is { Length: > 1 } parts ? parts[1] : "/";
            var what = head.StartsWith("GET", StringComparison.Ordinal) ? "GET " + path
                : Regex.Match(body, "\"method\"\\s*:\\s*\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : "POST " + path;
            int index;
            lock (Requests) { Requests.Add(what); index = _count++; }
            var fault = _script[Math.Min(index, _script.Length - 1)];
            switch (fault)
            {
                case Fault.Hang:
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                case Fault.Reset:
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return;
                case Fault.Garbage: await RespondAsync(stream, 200, "<html>502 bad gateway {{{"); break;
                case Fault.WrongJson: await RespondAsync(stream, 200, "{\"hello\":\"world\"}"); break;
                case Fault.Http500: await RespondAsync(stream, 500, "{\"code\":500,\"message\":\"internal error\"}"); break;
                case Fault.Http503: await RespondAsync(stream, 503, "service unavailable"); break;
                case Fault.Http404: await RespondAsync(stream, 404, "{\"code\":404,\"message\":\"not found\"}"); break;
                default: await RespondAsync(stream, 200, Answer(what, body)); break;
            }
            client.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (IOException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    private static async Task<(string? Head, string Body)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd = -1;
        while (headerEnd < 0)
        {
            int n = await stream.ReadAsync(chunk);
            if (n == 0) return (null, "");
            buffer.AddRange(chunk.AsSpan(0, n).ToArray());
            headerEnd = IndexOf(buffer, "\r\n\r\n"u8.ToArray());
        }
        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
        int length = Regex.Match(head, @"Content-Length:\s*(\d+)", RegexOptions.IgnoreCase) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
        while (buffer.Count - headerEnd - 4 < length)
        {
            int n = await stream.ReadAsync(chunk);
            if (n == 0) break;
            buffer.AddRange(chunk.AsSpan(0, n).ToArray());
        }
        var body = Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, Math.Min(length, buffer.Count - headerEnd - 4)).ToArray());
        return (head.Split("\r\n")[0], body);
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Count; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    private static async Task RespondAsync(NetworkStream stream, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_open) foreach (var c in _open) c.Dispose();
        try { await _loop; } catch (Exception) { }
        _stop.Dispose();
    }
}
