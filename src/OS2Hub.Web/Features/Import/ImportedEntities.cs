using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// What an import may create or change, and how a batch records it: the state an import sets, as JSON, to compare
/// with later (a row whose state differs was edited since, which blocks an undo) and to put back. Ids and foreign keys
/// are not part of the state: an import never moves a record to another product or organisation.
/// </summary>
internal static class ImportedEntities
{
    private interface IEntityKind
    {
        Type Type { get; }
        int Id(object entity);
        string Snapshot(object entity);
        void Restore(object entity, string before);
        string Describe(object entity);
        Task<Dictionary<int, object>> LoadAsync(OS2HubDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct);

        /// <summary>Whether a record this batch created is referred to by something the batch did not write.</summary>
        Task<bool> UsedElsewhereAsync(OS2HubDbContext db, int id, Func<string, int[]> batchIds, CancellationToken ct);
    }

    private sealed class EntityKind<TEntity, TState>(
        Func<TEntity, int> id,
        Func<OS2HubDbContext, IQueryable<TEntity>> query,
        Func<TEntity, TState> state,
        Action<TEntity, TState> restore,
        Func<TEntity, string> describe,
        Func<OS2HubDbContext, int, Func<string, int[]>, CancellationToken, Task<bool>>? usedElsewhere = null) : IEntityKind where TEntity : class
    {
        public Type Type => typeof(TEntity);
        public int Id(object entity) => id((TEntity)entity);
        public string Snapshot(object entity) => JsonSerializer.Serialize(state((TEntity)entity));
        public void Restore(object entity, string before) => restore((TEntity)entity, JsonSerializer.Deserialize<TState>(before)!);
        public string Describe(object entity) => describe((TEntity)entity);

        public async Task<Dictionary<int, object>> LoadAsync(OS2HubDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
            (await query(db).Where(e => ids.Contains(EF.Property<int>(e, "Id"))).ToListAsync(ct)).ToDictionary(id, e => (object)e);

        public Task<bool> UsedElsewhereAsync(OS2HubDbContext db, int entityId, Func<string, int[]> batchIds, CancellationToken ct) =>
            usedElsewhere is null ? Task.FromResult(false) : usedElsewhere(db, entityId, batchIds, ct);
    }

    private sealed record ParticipationState(DateOnly? Start, DateOnly? End, string? Agreement, string? Source, string? ImportedFrom, int Version);

    private sealed record OrganisationState(string Name, string? Cvr, string? Source, int Version);

    private sealed record ContactState(string Name, string? Title, string? Email, string? Phone, string? ImportedFrom, int Version);

    private sealed record ContactRoleState(ContactRoleKind Kind, DateOnly? Start, DateOnly? End, string? ImportedFrom);

    private sealed record GroupState(WorkingGroupKind Kind, string? Name);

    private sealed record SeatState(int? ContactPersonId, bool IsChair, DateOnly? Start, DateOnly? End, string? ImportedFrom, int Version);

    private sealed record FeeSheetState(long AnnualAmount, long JoiningFee, DistributionKey Key, bool IsDemo, int Version);

    private sealed record FeeSheetChangeState(string Reason, long NewAnnualAmount, long NewJoiningFee, DistributionKey NewKey);

    private static readonly IEntityKind[] Kinds =
    [
        new EntityKind<Participation, ParticipationState>(p => p.Id,
            db => db.Participations.Include(p => p.Product).Include(p => p.Organisation),
            p => new(p.StartDate, p.EndDate, p.AgreementReference, p.Source, p.ImportedFrom, p.Version),
            (p, s) => { (p.EndDate, p.AgreementReference, p.Source, p.ImportedFrom) = (s.End, s.Agreement, s.Source, s.ImportedFrom); p.Version++; },
            p => $"{p.Product!.Name} – {p.Organisation!.Name}"),
        new EntityKind<Organisation, OrganisationState>(o => o.Id, db => db.Organisations,
            o => new(o.Name, o.Cvr, o.Source, o.Version),
            (o, s) => { (o.Name, o.Cvr, o.Source) = (s.Name, s.Cvr, s.Source); o.Version++; },
            o => o.Name,
            async (db, id, batch, ct) =>
            {
                var (roles, people, seats) = (batch(nameof(Participation)), batch(nameof(ContactPerson)), batch(nameof(WorkingGroupMember)));
                return await db.Participations.AnyAsync(p => p.OrganisationId == id && !roles.Contains(p.Id), ct)
                    || await db.ContactPersons.AnyAsync(c => c.OrganisationId == id && !people.Contains(c.Id), ct)
                    || await db.WorkingGroupMembers.AnyAsync(m => m.OrganisationId == id && !seats.Contains(m.Id), ct)
                    || await db.Grants.AnyAsync(g => g.OrganisationId == id, ct);
            }),
        new EntityKind<ContactPerson, ContactState>(c => c.Id, db => db.ContactPersons.Include(c => c.Organisation),
            c => new(c.Name, c.Title, c.Email, c.Phone, c.ImportedFrom, c.Version),
            (c, s) => { (c.Name, c.Title, c.Email, c.Phone, c.ImportedFrom) = (s.Name, s.Title, s.Email, s.Phone, s.ImportedFrom); c.Version++; },
            c => c.Organisation!.Name,
            async (db, id, batch, ct) =>
            {
                var (roles, seats) = (batch(nameof(ContactRole)), batch(nameof(WorkingGroupMember)));
                return await db.ContactRoles.AnyAsync(r => r.ContactPersonId == id && !roles.Contains(r.Id), ct)
                    || await db.WorkingGroupMembers.AnyAsync(m => m.ContactPersonId == id && !seats.Contains(m.Id), ct)
                    || await db.JoinRequests.AnyAsync(r => r.ContactPersonId == id, ct);
            }),
        new EntityKind<ContactRole, ContactRoleState>(r => r.Id, db => db.ContactRoles.Include(r => r.Product),
            r => new(r.Kind, r.StartDate, r.EndDate, r.ImportedFrom),
            (r, s) => (r.EndDate, r.ImportedFrom) = (s.End, s.ImportedFrom),
            r => r.Product!.Name),
        new EntityKind<WorkingGroup, GroupState>(g => g.Id, db => db.WorkingGroups.Include(g => g.Product),
            g => new(g.Kind, g.Name),
            (g, s) => g.Name = s.Name,
            g => $"{g.Product!.Name}: {g.Name ?? Localization.Texts.Get($"WorkingGroup_{g.Kind}")}",
            async (db, id, batch, ct) =>
            {
                var seats = batch(nameof(WorkingGroupMember));
                return await db.WorkingGroupMembers.AnyAsync(m => m.WorkingGroupId == id && !seats.Contains(m.Id), ct);
            }),
        new EntityKind<WorkingGroupMember, SeatState>(m => m.Id, db => db.WorkingGroupMembers.Include(m => m.Organisation),
            m => new(m.ContactPersonId, m.IsChair, m.StartDate, m.EndDate, m.ImportedFrom, m.Version),
            (m, s) => { (m.IsChair, m.EndDate, m.ImportedFrom) = (s.IsChair, s.End, s.ImportedFrom); m.Version++; },
            m => m.Organisation!.Name),
        new EntityKind<FeeSheet, FeeSheetState>(f => f.Id, db => db.FeeSheets.Include(f => f.Product),
            f => new(f.AnnualAmount, f.JoiningFee, f.Key, f.IsDemo, f.Version),
            (f, s) => { (f.AnnualAmount, f.JoiningFee, f.Key, f.IsDemo) = (s.AnnualAmount, s.JoiningFee, s.Key, s.IsDemo); f.Version++; },
            f => $"{f.Product!.Name} {f.BudgetYear.ToString(CultureInfo.InvariantCulture)}"),
        new EntityKind<FeeSheetChange, FeeSheetChangeState>(c => c.Id, db => db.FeeSheetChanges,
            c => new(c.Reason, c.NewAnnualAmount, c.NewJoiningFee, c.NewKey),
            (_, _) => { },
            c => c.BudgetYear.ToString(CultureInfo.InvariantCulture)),
    ];

    private static IEntityKind For(Type type) => Kinds.Single(k => k.Type == type);

    private static IEntityKind For(string typeName) => Kinds.Single(k => k.Type.Name == typeName);

    public static (string Type, int Id) Key(object entity) => (entity.GetType().Name, For(entity.GetType()).Id(entity));

    public static string Snapshot(object entity) => For(entity.GetType()).Snapshot(entity);

    public static void Restore(object entity, string before) => For(entity.GetType()).Restore(entity, before);

    public static string Describe(object entity) => For(entity.GetType()).Describe(entity);

    /// <summary>The batch's rows as they are now, by type and id; a row deleted since is missing.</summary>
    public static async Task<Dictionary<(string Type, int Id), object>> LoadAsync(OS2HubDbContext db, IEnumerable<ImportChange> changes, CancellationToken ct)
    {
        var found = new Dictionary<(string, int), object>();
        foreach (var group in changes.GroupBy(c => c.EntityType))
        {
            foreach (var (id, entity) in await For(group.Key).LoadAsync(db, [.. group.Select(c => c.EntityId)], ct))
            {
                found[(group.Key, id)] = entity;
            }
        }

        return found;
    }

    public static Task<bool> UsedElsewhereAsync(OS2HubDbContext db, string type, int id, Func<string, int[]> batchIds, CancellationToken ct) =>
        For(type).UsedElsewhereAsync(db, id, batchIds, ct);
}
