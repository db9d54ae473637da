namespace OS2Hub.Web.Data.Entities;

/// <summary>
/// An uploaded file, kept in the database so every instance serves it and a database backup holds it. The key says
/// what it is for ("agreement/12" is product 12's tilslutningsaftale); uploading again under a key replaces the file.
/// </summary>
public class StoredFile
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedByUserId { get; set; }
}
