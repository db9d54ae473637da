namespace OS2Hub.Web.Data.Entities;

public static class SizeClasses
{
    /// <summary>OS2's classes: lille under 25,000; mellem 25,000–59,999; stor 60,000–119,999; meget stor from 120,000.</summary>
    public static SizeClass FromPopulation(int population) => population switch
    {
        < 25_000 => SizeClass.Small,
        < 60_000 => SizeClass.Medium,
        < 120_000 => SizeClass.Large,
        _ => SizeClass.VeryLarge,
    };
}
