namespace OS2Hub.Web.Features.Memberships;

public sealed record JoinRequestInput
{
    public int ProductId { get; init; }
    public int OrganisationId { get; init; }
    public string? ContactName { get; init; }
    public bool WantsKoordinationsgruppe { get; init; }
    public bool WantsFaggruppe { get; init; }
    public bool StyregruppeCandidate { get; init; }
    public DateOnly? IntendedStart { get; init; }
    public string? Comment { get; init; }
    public bool AcceptsAgreement { get; init; }
}
