namespace OS2Hub.Web.Features.Memberships;

public sealed record JoinRequestInput
{
    public int ProductId { get; init; }
    public int OrganisationId { get; init; }
    public string? ContactName { get; init; }
    public bool WantsCoordinationGroup { get; init; }
    public bool WantsProfessionalGroup { get; init; }
    public bool SteeringGroupCandidate { get; init; }
    public DateOnly? IntendedStart { get; init; }
    public string? Comment { get; init; }
    public bool AcceptsAgreement { get; init; }
}
