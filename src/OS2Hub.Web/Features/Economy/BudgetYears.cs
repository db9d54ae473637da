namespace OS2Hub.Web.Features.Economy;

/// <summary>The budget years a figure may be given for, the same in every economy form.</summary>
public static class BudgetYears
{
    public const int Min = 2000;
    public const int Max = 2100;

    public static bool IsValid(int year) => year is >= Min and <= Max;
}
