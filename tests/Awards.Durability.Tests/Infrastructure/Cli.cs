using Awards.Web.Cli;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>The admin verbs, run in this process with the test folder's settings; the answer is what the operator types at a prompt.</summary>
public static class Cli
{
    public static async Task<(int Code, string Output)> RunAsync(TestFolder folder, string answer, params string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, .. folder.Settings], output, new StringReader(answer));
        return (code, output.ToString());
    }
}
