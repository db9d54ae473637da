using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class ConfirmationRoundConfiguration : IEntityTypeConfiguration<ConfirmationRound>
{
    public void Configure(EntityTypeBuilder<ConfirmationRound> builder)
    {
        builder.HasIndex(r => r.Year).IsUnique();
        builder.Property(r => r.OpenedByUserId).HasMaxLength(450);
        builder.Property(r => r.ClosedByUserId).HasMaxLength(450);
    }
}

internal sealed class ConfirmationConfiguration : IEntityTypeConfiguration<Confirmation>
{
    public void Configure(EntityTypeBuilder<Confirmation> builder)
    {
        builder.HasOne(c => c.Round).WithMany().HasForeignKey(c => c.RoundId);
        builder.HasOne<Participation>().WithMany().HasForeignKey(c => c.ParticipationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkingGroupMember>().WithMany().HasForeignKey(c => c.WorkingGroupMemberId).OnDelete(DeleteBehavior.Cascade);
        // One answer per item and round: a second click or a second instance gets a unique violation, not a second row.
        builder.HasIndex(c => new { c.RoundId, c.ParticipationId }).IsUnique();
        builder.HasIndex(c => new { c.RoundId, c.WorkingGroupMemberId }).IsUnique();
        builder.HasIndex(c => new { c.ParticipationId, c.At });
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Source).HasMaxLength(500);
    }
}

internal sealed class ConfirmationReminderConfiguration : IEntityTypeConfiguration<ConfirmationReminder>
{
    public void Configure(EntityTypeBuilder<ConfirmationReminder> builder)
    {
        builder.HasIndex(r => new { r.RoundId, r.UserId }).IsUnique();
        builder.Property(r => r.UserId).HasMaxLength(450);
    }
}
