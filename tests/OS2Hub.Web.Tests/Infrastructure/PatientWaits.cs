using System.Runtime.CompilerServices;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// bUnit waits one second by default for a component to render what a test expects. CI runs these tests beside the
/// browser tests on a busy two-core machine, where a database round trip can take longer than that; a test that waits
/// ten seconds fails only when the thing never happens, not when the machine is slow.
/// </summary>
internal static class PatientWaits
{
    [ModuleInitializer]
    internal static void Initialize() => Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
