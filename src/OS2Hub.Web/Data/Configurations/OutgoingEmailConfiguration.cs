using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.Property(e => e.Recipient).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(500);
        builder.Property(e => e.LastError).HasMaxLength(200);
        // The sender's question: what is due and not sent.
        builder.HasIndex(e => new { e.SentAt, e.FailedAt, e.NextAttemptAt });
    }
}
