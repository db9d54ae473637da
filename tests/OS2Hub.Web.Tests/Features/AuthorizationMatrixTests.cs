using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Contacts;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Features.Questions;
using OS2Hub.Web.Tests.Features.Wishes;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features;

/// <summary>
/// Who may do what, written out row by row: the join workflow, every edit action and the shared economy. Each row drives the real
/// service on the world of <see cref="WorkflowWorld"/>. An allowed row checks that the change happened; a denied row
/// checks that it was refused and that nothing in the database changed. The expectations are literals, not derived
/// from the code.
/// </summary>
public sealed class AuthorizationMatrixTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private Dictionary<string, int> _wishes = [];
    private Dictionary<string, int> _items = [];
    private Dictionary<string, int> _threads = [];

    public void Dispose() => _db.Dispose();

    public static TheoryData<string, string, string, bool> Matrix => new()
    {
        // user                action              target                   allowed
        { "it-frederikshavn",  "request",          "Frederikshavn→Gamma",   true },   // own authority
        { "it-frederikshavn",  "request",          "Helsingør→Gamma",       false },  // other authority
        { "it-frederikshavn",  "withdraw",         "Frederikshavn→Beta",    true },
        { "it-frederikshavn",  "withdraw",         "Helsingør→Beta",        false },
        { "it-frederikshavn",  "approve",          "København→Alfa",        false },
        { "it-frederikshavn",  "reject",           "København→Alfa",        false },
        { "it-frederikshavn",  "leave",            "Frederikshavn/Alfa",    true },
        { "it-frederikshavn",  "leave",            "Helsingør/Alfa",        false },
        { "it-frederikshavn",  "agreement",        "Alfa",                  false },
        { "it-frederikshavn",  "edit-product",     "Alfa",                  false },  // co-owns Alfa, edits no product
        { "it-frederikshavn",  "create-product",   "-",                     false },
        { "it-frederikshavn",  "source",           "Alfa",                  false },
        { "it-frederikshavn",  "add-supplier",     "Alfa",                  false },
        { "it-frederikshavn",  "supplier-period",  "Alfa",                  false },
        { "it-frederikshavn",  "add-member",       "Frederikshavn→Gamma",   false },  // joining goes through a request
        { "it-frederikshavn",  "member-period",    "Frederikshavn/Alfa",    false },
        { "it-frederikshavn",  "add-group",        "Alfa",                  false },
        { "it-frederikshavn",  "seat",             "Alfa",                  false },  // sits in Alfa's styregruppe, still edits none
        { "it-frederikshavn",  "edit-organisation", "Frederikshavn",        false },  // own authority: the secretariat keeps it
        { "it-frederikshavn",  "population",       "Frederikshavn",         false },
        { "it-frederikshavn",  "category",         "-",                     false },
        { "it-frederikshavn",  "import",           "Alfa",                  false },
        { "it-frederikshavn",  "bulk-members",     "Frederikshavn→Gamma",   false },  // its own authority, still not by file
        { "it-frederikshavn",  "bulk-contacts",    "Frederikshavn→Alfa",    false },
        { "it-frederikshavn",  "bulk-export",      "kontaktpersoner",       false },
        { "it-frederikshavn",  "bulk-undo",        "Frederikshavn→Gamma",   false },
        { "it-frederikshavn",  "contact-create",   "Frederikshavn",         true },
        { "it-frederikshavn",  "contact-create",   "Helsingør",             false },
        { "it-frederikshavn",  "contact-edit",     "Mette",                 true },   // Frederikshavn's contact
        { "it-frederikshavn",  "contact-edit",     "Hans",                  false },  // Helsingør's contact
        { "it-frederikshavn",  "contact-role",     "Mette",                 true },
        { "it-frederikshavn",  "contact-role",     "Hans",                  false },
        { "it-frederikshavn",  "contact-delete",   "Mette",                 true },
        { "it-frederikshavn",  "contact-delete",   "Hans",                  false },
        { "it-frederikshavn",  "economy-key",      "-",                     false },
        { "it-frederikshavn",  "fee-sheet",        "Alfa",                  false },  // co-owns Alfa, still sets no fees
        { "it-frederikshavn",  "size-class",       "Region Prøve",          false },
        { "it-frederikshavn",  "population-import","Frederikshavn",         false },
        { "it-frederikshavn",  "wish-raise",              "Frederikshavn→Alfa",     true },  // its own co-owning authority
        { "it-frederikshavn",  "wish-raise",              "Helsingør→Alfa",         false },  // another authority
        { "it-frederikshavn",  "wish-raise",              "Frederikshavn→Beta",     false },  // not a co-owner of Beta
        { "it-frederikshavn",  "wish-propose",            "Leverandør→Alfa",        false },
        { "it-frederikshavn",  "wish-comment",            "Alfa/1",                 true },
        { "it-frederikshavn",  "wish-comment",            "Beta/1",                 false },
        { "it-frederikshavn",  "wish-supplier-estimate",  "Alfa/1",                 false },  // a co-owner comments, the supplier estimates
        { "it-frederikshavn",  "wish-support",            "Frederikshavn→Alfa/1",   true },
        { "it-frederikshavn",  "wish-support",            "Helsingør→Alfa/2",       false },
        { "it-frederikshavn",  "wish-interest",           "Frederikshavn→Beta/1",   true },  // not a co-owner: interest, shown apart
        { "it-frederikshavn",  "wish-pledge",             "Frederikshavn→Alfa/1",   true },
        { "it-frederikshavn",  "wish-pledge",             "Helsingør→Alfa/1",       false },
        { "it-frederikshavn",  "wish-pledge",             "Frederikshavn→Beta/1",   false },  // only co-owners co-fund
        { "it-frederikshavn",  "wish-withdraw-support",   "Frederikshavn→Alfa/4",   true },
        { "it-frederikshavn",  "wish-withdraw-support",   "Helsingør→Alfa/1",       false },
        { "it-frederikshavn",  "wish-withdraw-pledge",    "Frederikshavn→Alfa/4",   true },
        { "it-frederikshavn",  "wish-status",             "Alfa/1",                 false },
        { "it-frederikshavn",  "wish-reorder",            "Alfa/3",                 false },
        { "it-frederikshavn",  "wish-merge",              "Alfa/1→Alfa/2",          false },
        { "it-frederikshavn",  "wish-hide",               "Alfa/1",                 false },
        { "it-frederikshavn",  "wish-redact",             "Alfa/1",                 false },
        { "it-frederikshavn",  "wish-estimate",           "Alfa/1",                 false },
        { "it-frederikshavn",  "news",                    "Alfa",                   false },  // co-owns Alfa, reads its closed items, writes none
        { "it-frederikshavn",  "release",                 "Alfa",                   false },
        { "it-frederikshavn",  "decision",                "Alfa",                   false },
        { "it-frederikshavn",  "decision-redact",         "offentlig beslutning",   false },
        { "it-frederikshavn",  "association-decision",    "-",                      false },
        { "it-frederikshavn",  "document-upload",         "Alfa",                   false },
        { "it-frederikshavn",  "document-remove",         "Alfa/referat",           false },
        { "it-frederikshavn",  "staff-invite",            "Frederikshavn",          true },  // its own authority's Medarbejdere
        { "it-frederikshavn",  "staff-invite",            "Helsingør",              false },
        { "it-frederikshavn",  "staff-end",               "Frederikshavn/medarbejder", true },
        { "it-frederikshavn",  "staff-end",               "Helsingør/medarbejder",  false },
        { "it-frederikshavn",  "follow",                  "Alfa",                   true },
        { "it-frederikshavn",  "ask",                     "Alfa",                   true },
        { "it-frederikshavn",  "answer",                  "Alfa/lukket",            true },  // a co-owner answers a co-owners' thread
        { "it-frederikshavn",  "answer",                  "Beta/lukket",            false },  // not a co-owner of Beta: cannot even read it
        { "it-frederikshavn",  "accept",                  "Alfa/egen",              false },  // its colleague asked, only the asker marks
        { "it-frederikshavn",  "question-public",         "Alfa/egen",              false },
        { "it-frederikshavn",  "question-hide",           "Alfa/lukket",            false },
        { "it-frederikshavn",  "round-open",              "2026",                    false },
        { "it-frederikshavn",  "round-close",             "2026",                    false },
        { "it-frederikshavn",  "confirm-membership",      "Frederikshavn/Alfa",      true },
        { "it-frederikshavn",  "confirm-membership",      "Helsingør/Alfa",          false },  // another authority
        { "it-frederikshavn",  "confirm-leave",           "Frederikshavn/Alfa",      true },
        { "it-frederikshavn",  "confirm-leave",           "Helsingør/Alfa",          false },
        { "it-frederikshavn",  "confirm-product",         "Alfa",                    false },
        { "it-frederikshavn",  "question-redact",         "Alfa/lukket",            false },

        { "pk-alfa",           "approve",          "København→Alfa",        true },   // own product
        { "pk-alfa",           "approve",          "Frederikshavn→Beta",    false },  // other product
        { "pk-alfa",           "reject",           "København→Alfa",        true },
        { "pk-alfa",           "reject",           "Helsingør→Beta",        false },
        { "pk-alfa",           "request",          "Frederikshavn→Gamma",   false },
        { "pk-alfa",           "withdraw",         "København→Alfa",        false },  // decides, but does not act for the authority
        { "pk-alfa",           "leave",            "Frederikshavn/Alfa",    false },
        { "pk-alfa",           "agreement",        "Alfa",                  true },
        { "pk-alfa",           "agreement",        "Beta",                  false },
        { "pk-alfa",           "edit-product",     "Alfa",                  true },
        { "pk-alfa",           "edit-product",     "Beta",                  false },
        { "pk-alfa",           "edit-maturity",    "Alfa",                  false },  // OS2's governance: the secretariat's decision
        { "pk-alfa",           "edit-lifecycle",   "Alfa",                  false },
        { "pk-alfa",           "create-product",   "-",                     false },
        { "pk-alfa",           "source",           "Alfa",                  true },
        { "pk-alfa",           "source",           "Beta",                  false },
        { "pk-alfa",           "add-supplier",     "Alfa",                  true },
        { "pk-alfa",           "add-supplier",     "Beta",                  false },
        { "pk-alfa",           "supplier-period",  "Alfa",                  true },
        { "pk-alfa",           "add-member",       "København→Alfa",        false },  // decides requests, records no memberships
        { "pk-alfa",           "member-period",    "Frederikshavn/Alfa",    false },
        { "pk-alfa",           "add-group",        "Alfa",                  true },
        { "pk-alfa",           "add-group",        "Beta",                  false },
        { "pk-alfa",           "seat",             "Alfa",                  true },
        { "pk-alfa",           "seat",             "Beta",                  false },
        { "pk-alfa",           "edit-organisation", "Frederikshavn",        false },
        { "pk-alfa",           "population",       "Frederikshavn",         false },
        { "pk-alfa",           "create-organisation", "-",                  false },
        { "pk-alfa",           "category",         "-",                     false },
        { "pk-alfa",           "import",           "Alfa",                  true },   // publiccode.yml into its own product
        { "pk-alfa",           "import",           "Beta",                  false },
        { "pk-alfa",           "bulk-members",     "Frederikshavn→Alfa",    false },  // its own product, still not by file
        { "pk-alfa",           "bulk-contacts",    "Frederikshavn→Alfa",    false },
        { "pk-alfa",           "bulk-export",      "kontaktpersoner",       false },
        { "pk-alfa",           "bulk-undo",        "Frederikshavn→Gamma",   false },
        { "pk-alfa",           "import-new",       "-",                     false },  // creating products is the secretariat's
        { "pk-alfa",           "contact-create",   "Frederikshavn",         false },  // names people in its groups, keeps none
        { "pk-alfa",           "contact-edit",     "Mette",                 false },
        { "pk-alfa",           "contact-delete",   "Mette",                 false },
        { "pk-alfa",           "fee-sheet",        "Alfa",                  true },   // records its styregruppe's fee sheet
        { "pk-alfa",           "fee-sheet",        "Beta",                  false },
        { "pk-alfa",           "economy-key",      "-",                     false },  // the generalforsamling's decision, recorded by the secretariat
        { "pk-alfa",           "size-class",       "Region Prøve",          false },
        { "pk-alfa",           "population-import","Frederikshavn",         false },
        { "pk-alfa",           "wish-raise",              "Helsingør→Alfa",         true },  // names a co-owner
        { "pk-alfa",           "wish-raise",              "København→Alfa",         false },  // not a co-owner
        { "pk-alfa",           "wish-raise",              "Helsingør→Beta",         false },
        { "pk-alfa",           "wish-comment",            "Alfa/1",                 true },
        { "pk-alfa",           "wish-comment",            "Beta/1",                 false },
        { "pk-alfa",           "wish-supplier-estimate",  "Alfa/1",                 false },
        { "pk-alfa",           "wish-support",            "Frederikshavn→Alfa/1",   false },  // decides, does not act for the authority
        { "pk-alfa",           "wish-pledge",             "Frederikshavn→Alfa/1",   false },
        { "pk-alfa",           "wish-withdraw-pledge",    "Frederikshavn→Alfa/4",   false },
        { "pk-alfa",           "wish-status",             "Alfa/1",                 true },
        { "pk-alfa",           "wish-status",             "Beta/1",                 false },
        { "pk-alfa",           "wish-reorder",            "Alfa/3",                 true },
        { "pk-alfa",           "wish-merge",              "Alfa/1→Alfa/2",          true },
        { "pk-alfa",           "wish-merge",              "Beta/1→Alfa/1",          false },
        { "pk-alfa",           "wish-hide",               "Alfa/1",                 true },
        { "pk-alfa",           "wish-hide",               "Beta/1",                 false },
        { "pk-alfa",           "wish-redact",             "Alfa/1",                 true },
        { "pk-alfa",           "wish-redact",             "Beta/1",                 false },
        { "pk-alfa",           "wish-estimate",           "Alfa/1",                 true },
        { "pk-alfa",           "wish-estimate",           "Beta/1",                 false },
        { "pk-alfa",           "wish-propose",            "Leverandør→Alfa",        false },  // not a supplier contact
        { "pk-alfa",           "wish-interest",           "København→Alfa/1",       false },
        { "pk-alfa",           "wish-withdraw-support",   "Frederikshavn→Alfa/4",   false },
        { "pk-alfa",           "news",                    "Alfa",                   true },
        { "pk-alfa",           "news",                    "Beta",                   false },
        { "pk-alfa",           "release",                 "Alfa",                   true },
        { "pk-alfa",           "decision",                "Alfa",                   true },
        { "pk-alfa",           "decision",                "Beta",                   false },
        { "pk-alfa",           "decision-redact",         "offentlig beslutning",   false },  // redaction is the secretariat's
        { "pk-alfa",           "association-decision",    "-",                      false },
        { "pk-alfa",           "document-upload",         "Alfa",                   true },
        { "pk-alfa",           "document-upload",         "Beta",                   false },
        { "pk-alfa",           "document-remove",         "Alfa/referat",           false },  // removing a file is the secretariat's
        { "pk-alfa",           "staff-invite",            "Frederikshavn",          false },
        { "pk-alfa",           "staff-end",               "Frederikshavn/medarbejder", false },
        { "pk-alfa",           "follow",                  "Alfa",                   true },
        { "pk-alfa",           "ask",                     "Alfa",                   true },
        { "pk-alfa",           "answer",                  "Alfa/lukket",            true },
        { "pk-alfa",           "answer",                  "Beta/lukket",            false },
        { "pk-alfa",           "accept",                  "Alfa/egen",              false },
        { "pk-alfa",           "question-public",         "Alfa/egen",              false },  // the asker opens a thread, not the moderator
        { "pk-alfa",           "question-hide",           "Alfa/lukket",            true },
        { "pk-alfa",           "question-hide",           "Beta/lukket",            false },
        { "pk-alfa",           "round-open",              "2026",                    false },
        { "pk-alfa",           "round-close",             "2026",                    false },
        { "pk-alfa",           "confirm-membership",      "Frederikshavn/Alfa",      false },
        { "pk-alfa",           "confirm-leave",           "Frederikshavn/Alfa",      false },
        { "pk-alfa",           "confirm-product",         "Alfa",                    true },
        { "pk-alfa",           "confirm-product",         "Beta",                    false },  // another product
        { "pk-alfa",           "question-redact",         "Alfa/lukket",            true },
        { "pk-alfa",           "question-redact",         "Beta/lukket",            false },

        { "sekretariat",       "request",          "Helsingør→Gamma",       true },
        { "sekretariat",       "withdraw",         "Helsingør→Beta",        true },
        { "sekretariat",       "approve",          "Frederikshavn→Beta",    true },
        { "sekretariat",       "reject",           "København→Alfa",        true },
        { "sekretariat",       "leave",            "Helsingør/Alfa",        true },
        { "sekretariat",       "agreement",        "Gamma",                 true },
        { "sekretariat",       "edit-product",     "Beta",                  true },
        { "sekretariat",       "edit-maturity",    "Beta",                  true },
        { "sekretariat",       "edit-lifecycle",   "Gamma",                 true },   // e.g. udtrådt
        { "sekretariat",       "create-product",   "-",                     true },
        { "sekretariat",       "source",           "Gamma",                 true },
        { "sekretariat",       "add-supplier",     "Beta",                  true },
        { "sekretariat",       "supplier-period",  "Alfa",                  true },
        { "sekretariat",       "add-member",       "København→Gamma",       true },
        { "sekretariat",       "member-period",    "Helsingør/Alfa",        true },
        { "sekretariat",       "add-group",        "Beta",                  true },
        { "sekretariat",       "seat",             "Beta",                  true },
        { "sekretariat",       "edit-organisation", "Leverandør",           true },
        { "sekretariat",       "population",       "Helsingør",             true },
        { "sekretariat",       "create-organisation", "-",                  true },
        { "sekretariat",       "category",         "-",                     true },
        { "sekretariat",       "import",           "Beta",                  true },
        { "sekretariat",       "bulk-members",     "Frederikshavn→Gamma",   true },
        { "sekretariat",       "bulk-contacts",    "Frederikshavn→Alfa",    true },
        { "sekretariat",       "bulk-export",      "kontaktpersoner",       true },
        { "sekretariat",       "bulk-undo",        "Frederikshavn→Gamma",   true },
        { "sekretariat",       "import-new",       "-",                     true },
        { "sekretariat",       "contact-create",   "Helsingør",             true },
        { "sekretariat",       "contact-edit",     "Hans",                  true },
        { "sekretariat",       "contact-role",     "Hans",                  true },
        { "sekretariat",       "contact-delete",   "Hans",                  true },
        { "sekretariat",       "economy-key",      "-",                     true },
        { "sekretariat",       "fee-sheet",        "Beta",                  true },
        { "sekretariat",       "size-class",       "Region Prøve",          true },
        { "sekretariat",       "population-import","Frederikshavn",         true },
        { "sekretariat",       "wish-raise",              "Helsingør→Alfa",         true },
        { "sekretariat",       "wish-raise",              "Helsingør→Beta",         false },  // only for a co-owning authority
        { "sekretariat",       "wish-comment",            "Beta/1",                 true },
        { "sekretariat",       "wish-support",            "Helsingør→Alfa/2",       true },
        { "sekretariat",       "wish-interest",           "København→Alfa/1",       true },
        { "sekretariat",       "wish-pledge",             "Frederikshavn→Alfa/1",   false },  // the authority's money: its IT-koordinator pledges
        { "sekretariat",       "wish-withdraw-support",   "Frederikshavn→Alfa/4",   true },
        { "sekretariat",       "wish-withdraw-pledge",    "Frederikshavn→Alfa/4",   false },
        { "sekretariat",       "wish-status",             "Beta/1",                 true },
        { "sekretariat",       "wish-reorder",            "Alfa/3",                 true },
        { "sekretariat",       "wish-merge",              "Alfa/1→Alfa/2",          true },
        { "sekretariat",       "wish-hide",               "Beta/1",                 true },
        { "sekretariat",       "wish-redact",             "Beta/1",                 true },
        { "sekretariat",       "wish-estimate",           "Beta/1",                 true },
        { "sekretariat",       "wish-propose",            "Leverandør→Alfa",        false },  // proposals are the supplier's own
        { "sekretariat",       "wish-supplier-estimate",  "Alfa/1",                 false },
        { "sekretariat",       "news",                    "Beta",                   true },
        { "sekretariat",       "release",                 "Beta",                   true },
        { "sekretariat",       "decision",                "Beta",                   true },
        { "sekretariat",       "decision-redact",         "offentlig beslutning",   true },
        { "sekretariat",       "association-decision",    "-",                      true },
        { "sekretariat",       "document-upload",         "Beta",                   true },
        { "sekretariat",       "document-remove",         "Alfa/referat",           true },
        { "sekretariat",       "staff-invite",            "Frederikshavn",          true },
        { "sekretariat",       "staff-end",               "Helsingør/medarbejder",  true },
        { "sekretariat",       "follow",                  "Alfa",                   true },
        { "sekretariat",       "ask",                     "Alfa",                   true },
        { "sekretariat",       "answer",                  "Beta/lukket",            true },
        { "sekretariat",       "accept",                  "Alfa/egen",              false },
        { "sekretariat",       "question-public",         "Alfa/egen",              false },
        { "sekretariat",       "question-hide",           "Beta/lukket",            true },
        { "sekretariat",       "round-open",              "2026",                    true },
        { "sekretariat",       "round-close",             "2026",                    true },
        { "sekretariat",       "confirm-membership",      "Helsingør/Alfa",          true },  // no IT-koordinator: the secretariat with its source
        { "sekretariat",       "confirm-membership",      "Frederikshavn/Alfa",      false },  // Frederikshavn has an IT-koordinator who confirms
        { "sekretariat",       "confirm-leave",           "Helsingør/Alfa",          true },
        { "sekretariat",       "confirm-leave",           "Frederikshavn/Alfa",      false },  // the same in the round
        { "sekretariat",       "confirm-product",         "Alfa",                    true },
        { "sekretariat",       "question-redact",         "Alfa/lukket",            true },

        // Holds the secretariat grant, but the account has a password and no second factor: the grant waits for one.
        { "sekr-uden-totrin", "request",           "Helsingør→Gamma",       false },
        { "sekr-uden-totrin", "withdraw",          "Helsingør→Beta",        false },
        { "sekr-uden-totrin", "approve",           "Frederikshavn→Beta",    false },
        { "sekr-uden-totrin", "reject",            "København→Alfa",        false },
        { "sekr-uden-totrin", "leave",             "Helsingør/Alfa",        false },
        { "sekr-uden-totrin", "agreement",         "Gamma",                 false },
        { "sekr-uden-totrin", "edit-product",      "Beta",                  false },
        { "sekr-uden-totrin", "edit-maturity",     "Beta",                  false },
        { "sekr-uden-totrin", "edit-lifecycle",    "Gamma",                 false },
        { "sekr-uden-totrin", "create-product",    "-",                     false },
        { "sekr-uden-totrin", "source",            "Gamma",                 false },
        { "sekr-uden-totrin", "add-supplier",      "Beta",                  false },
        { "sekr-uden-totrin", "supplier-period",   "Alfa",                  false },
        { "sekr-uden-totrin", "add-member",        "København→Gamma",       false },
        { "sekr-uden-totrin", "member-period",     "Helsingør/Alfa",        false },
        { "sekr-uden-totrin", "add-group",         "Beta",                  false },
        { "sekr-uden-totrin", "seat",              "Beta",                  false },
        { "sekr-uden-totrin", "edit-organisation", "Leverandør",            false },
        { "sekr-uden-totrin", "population",        "Helsingør",             false },
        { "sekr-uden-totrin", "create-organisation", "-",                     false },
        { "sekr-uden-totrin", "category",          "-",                     false },
        { "sekr-uden-totrin", "import",            "Beta",                  false },
        { "sekr-uden-totrin", "bulk-members",      "Frederikshavn→Gamma",   false },
        { "sekr-uden-totrin", "bulk-contacts",     "Frederikshavn→Alfa",    false },
        { "sekr-uden-totrin", "bulk-export",       "kontaktpersoner",       false },
        { "sekr-uden-totrin", "bulk-undo",         "Frederikshavn→Gamma",   false },
        { "sekr-uden-totrin", "import-new",        "-",                     false },
        { "sekr-uden-totrin", "contact-create",    "Helsingør",             false },
        { "sekr-uden-totrin", "contact-edit",      "Hans",                  false },
        { "sekr-uden-totrin", "contact-role",      "Hans",                  false },
        { "sekr-uden-totrin", "contact-delete",    "Hans",                  false },
        { "sekr-uden-totrin", "economy-key",       "-",                     false },
        { "sekr-uden-totrin", "fee-sheet",         "Beta",                  false },
        { "sekr-uden-totrin", "size-class",        "Region Prøve",          false },
        { "sekr-uden-totrin", "population-import", "Frederikshavn",         false },
        { "sekr-uden-totrin",  "wish-raise",              "Helsingør→Alfa",         false },
        { "sekr-uden-totrin",  "wish-comment",            "Beta/1",                 false },
        { "sekr-uden-totrin",  "wish-support",            "Helsingør→Alfa/2",       false },
        { "sekr-uden-totrin",  "wish-interest",           "København→Alfa/1",       false },
        { "sekr-uden-totrin",  "wish-withdraw-support",   "Frederikshavn→Alfa/4",   false },
        { "sekr-uden-totrin",  "wish-status",             "Beta/1",                 false },
        { "sekr-uden-totrin",  "wish-reorder",            "Alfa/3",                 false },
        { "sekr-uden-totrin",  "wish-merge",              "Alfa/1→Alfa/2",          false },
        { "sekr-uden-totrin",  "wish-hide",               "Beta/1",                 false },
        { "sekr-uden-totrin",  "wish-redact",             "Beta/1",                 false },
        { "sekr-uden-totrin",  "wish-estimate",           "Beta/1",                 false },
        { "sekr-uden-totrin",  "wish-propose",            "Leverandør→Alfa",        false },
        { "sekr-uden-totrin",  "wish-supplier-estimate",  "Alfa/1",                 false },
        { "sekr-uden-totrin",  "wish-pledge",             "Frederikshavn→Alfa/1",   false },
        { "sekr-uden-totrin",  "wish-withdraw-pledge",    "Frederikshavn→Alfa/4",   false },
        { "sekr-uden-totrin",  "news",                    "Beta",                   false },
        { "sekr-uden-totrin",  "release",                 "Beta",                   false },
        { "sekr-uden-totrin",  "decision",                "Beta",                   false },
        { "sekr-uden-totrin",  "decision-redact",         "offentlig beslutning",   false },
        { "sekr-uden-totrin",  "association-decision",    "-",                      false },
        { "sekr-uden-totrin",  "document-upload",         "Beta",                   false },
        { "sekr-uden-totrin",  "document-remove",         "Alfa/referat",           false },
        { "sekr-uden-totrin",  "staff-invite",            "Frederikshavn",          false },
        { "sekr-uden-totrin",  "staff-end",               "Helsingør/medarbejder",  false },
        { "sekr-uden-totrin",  "ask",                     "Alfa",                   false },
        { "sekr-uden-totrin",  "answer",                  "Beta/lukket",            false },
        { "sekr-uden-totrin",  "question-hide",           "Beta/lukket",            false },
        { "sekr-uden-totrin",  "round-open",              "2026",                    false },
        { "sekr-uden-totrin",  "round-close",             "2026",                    false },
        { "sekr-uden-totrin",  "confirm-membership",      "Helsingør/Alfa",          false },
        { "sekr-uden-totrin",  "confirm-leave",           "Helsingør/Alfa",          false },
        { "sekr-uden-totrin",  "confirm-product",         "Alfa",                    false },
        { "sekr-uden-totrin",  "question-redact",         "Alfa/lukket",            false },

        { "leverandoer",       "request",          "Frederikshavn→Gamma",   false },
        { "leverandoer",       "withdraw",         "Frederikshavn→Beta",    false },
        { "leverandoer",       "approve",          "København→Alfa",        false },  // supplier on Alfa, still decides nothing
        { "leverandoer",       "reject",           "København→Alfa",        false },
        { "leverandoer",       "leave",            "Frederikshavn/Alfa",    false },
        { "leverandoer",       "agreement",        "Alfa",                  false },
        { "leverandoer",       "edit-product",     "Alfa",                  false },
        { "leverandoer",       "source",           "Alfa",                  false },
        { "leverandoer",       "add-supplier",     "Alfa",                  false },
        { "leverandoer",       "supplier-period",  "Alfa",                  false },  // its own engagement
        { "leverandoer",       "add-member",       "Frederikshavn→Gamma",   false },
        { "leverandoer",       "add-group",        "Alfa",                  false },
        { "leverandoer",       "seat",             "Alfa",                  false },
        { "leverandoer",       "edit-organisation", "Leverandør",           false },  // its own company
        { "leverandoer",       "category",         "-",                     false },
        { "leverandoer",       "import",           "Alfa",                  false },
        { "leverandoer",       "bulk-members",     "Frederikshavn→Gamma",   false },
        { "leverandoer",       "bulk-contacts",    "Frederikshavn→Alfa",    false },
        { "leverandoer",       "bulk-export",      "kontaktpersoner",       false },
        { "leverandoer",       "bulk-undo",        "Frederikshavn→Gamma",   false },
        { "leverandoer",       "contact-create",   "Leverandør",            false },
        { "leverandoer",       "contact-edit",     "Mette",                 false },
        { "leverandoer",       "contact-delete",   "Mette",                 false },
        { "leverandoer",       "economy-key",      "-",                     false },
        { "leverandoer",       "fee-sheet",        "Alfa",                  false },  // supplier on Alfa
        { "leverandoer",       "size-class",       "Region Prøve",          false },
        { "leverandoer",       "population-import","Frederikshavn",         false },
        { "leverandoer",       "wish-propose",            "Leverandør→Alfa",        true },  // its product: 'foreslået af leverandør'
        { "leverandoer",       "wish-propose",            "Leverandør→Beta",        false },  // does not supply Beta
        { "leverandoer",       "wish-raise",              "Frederikshavn→Alfa",     false },
        { "leverandoer",       "wish-comment",            "Alfa/1",                 true },
        { "leverandoer",       "wish-supplier-estimate",  "Alfa/1",                 true },
        { "leverandoer",       "wish-comment",            "Beta/1",                 false },
        { "leverandoer",       "wish-support",            "Leverandør→Alfa/1",      false },
        { "leverandoer",       "wish-interest",           "Frederikshavn→Beta/1",   false },
        { "leverandoer",       "wish-pledge",             "Frederikshavn→Alfa/1",   false },
        { "leverandoer",       "wish-withdraw-support",   "Frederikshavn→Alfa/4",   false },
        { "leverandoer",       "wish-status",             "Alfa/1",                 false },
        { "leverandoer",       "wish-reorder",            "Alfa/3",                 false },
        { "leverandoer",       "wish-merge",              "Alfa/1→Alfa/2",          false },
        { "leverandoer",       "wish-hide",               "Alfa/1",                 false },
        { "leverandoer",       "wish-redact",             "Alfa/1",                 false },
        { "leverandoer",       "wish-estimate",           "Alfa/1",                 false },
        { "leverandoer",       "wish-withdraw-pledge",    "Frederikshavn→Alfa/4",   false },
        { "leverandoer",       "news",                    "Alfa",                   false },  // writes releases, not news
        { "leverandoer",       "release",                 "Alfa",                   true },  // supplies Alfa
        { "leverandoer",       "release",                 "Beta",                   false },
        { "leverandoer",       "decision",                "Alfa",                   false },
        { "leverandoer",       "decision-redact",         "offentlig beslutning",   false },
        { "leverandoer",       "association-decision",    "-",                      false },
        { "leverandoer",       "document-upload",         "Alfa",                   false },
        { "leverandoer",       "document-remove",         "Alfa/referat",           false },
        { "leverandoer",       "staff-invite",            "Frederikshavn",          false },
        { "leverandoer",       "staff-end",               "Frederikshavn/medarbejder", false },
        { "leverandoer",       "follow",                  "Alfa",                   true },
        { "leverandoer",       "ask",                     "Alfa",                   true },
        { "leverandoer",       "answer",                  "Alfa/lukket",            true },  // the product's supplier answers
        { "leverandoer",       "answer",                  "Beta/lukket",            false },
        { "leverandoer",       "accept",                  "Alfa/egen",              false },
        { "leverandoer",       "question-hide",           "Alfa/lukket",            false },
        { "leverandoer",       "round-open",              "2026",                    false },
        { "leverandoer",       "round-close",             "2026",                    false },
        { "leverandoer",       "confirm-membership",      "Frederikshavn/Alfa",      false },
        { "leverandoer",       "confirm-leave",           "Frederikshavn/Alfa",      false },
        { "leverandoer",       "confirm-product",         "Alfa",                    false },
        { "leverandoer",       "question-redact",         "Alfa/lukket",            false },

        { "uden-rolle",        "request",          "Frederikshavn→Gamma",   false },
        { "uden-rolle",        "withdraw",         "Frederikshavn→Beta",    false },
        { "uden-rolle",        "approve",          "København→Alfa",        false },
        { "uden-rolle",        "reject",           "København→Alfa",        false },
        { "uden-rolle",        "leave",            "Frederikshavn/Alfa",    false },
        { "uden-rolle",        "agreement",        "Alfa",                  false },
        { "uden-rolle",        "edit-product",     "Alfa",                  false },
        { "uden-rolle",        "create-product",   "-",                     false },
        { "uden-rolle",        "source",           "Alfa",                  false },
        { "uden-rolle",        "add-supplier",     "Alfa",                  false },
        { "uden-rolle",        "seat",             "Alfa",                  false },
        { "uden-rolle",        "add-member",       "Frederikshavn→Gamma",   false },
        { "uden-rolle",        "member-period",    "Frederikshavn/Alfa",    false },
        { "uden-rolle",        "edit-organisation", "Frederikshavn",        false },
        { "uden-rolle",        "create-organisation", "-",                  false },
        { "uden-rolle",        "category",         "-",                     false },
        { "uden-rolle",        "import",           "Alfa",                  false },
        { "uden-rolle",        "bulk-members",     "Frederikshavn→Gamma",   false },
        { "uden-rolle",        "bulk-contacts",    "Frederikshavn→Alfa",    false },
        { "uden-rolle",        "bulk-export",      "kontaktpersoner",       false },
        { "uden-rolle",        "bulk-undo",        "Frederikshavn→Gamma",   false },
        { "uden-rolle",        "import-new",       "-",                     false },
        { "uden-rolle",        "contact-create",   "Frederikshavn",         false },
        { "uden-rolle",        "contact-edit",     "Mette",                 false },
        { "uden-rolle",        "contact-delete",   "Mette",                 false },
        { "uden-rolle",        "economy-key",      "-",                     false },
        { "uden-rolle",        "fee-sheet",        "Alfa",                  false },
        { "uden-rolle",        "size-class",       "Region Prøve",          false },
        { "uden-rolle",        "population-import","Frederikshavn",         false },
        { "uden-rolle",        "wish-raise",              "Frederikshavn→Alfa",     false },
        { "uden-rolle",        "wish-propose",            "Leverandør→Alfa",        false },
        { "uden-rolle",        "wish-comment",            "Alfa/1",                 false },
        { "uden-rolle",        "wish-supplier-estimate",  "Alfa/1",                 false },
        { "uden-rolle",        "wish-support",            "Frederikshavn→Alfa/1",   false },
        { "uden-rolle",        "wish-interest",           "København→Alfa/1",       false },
        { "uden-rolle",        "wish-pledge",             "Frederikshavn→Alfa/1",   false },
        { "uden-rolle",        "wish-withdraw-support",   "Frederikshavn→Alfa/4",   false },
        { "uden-rolle",        "wish-withdraw-pledge",    "Frederikshavn→Alfa/4",   false },
        { "uden-rolle",        "wish-status",             "Alfa/1",                 false },
        { "uden-rolle",        "wish-reorder",            "Alfa/3",                 false },
        { "uden-rolle",        "wish-merge",              "Alfa/1→Alfa/2",          false },
        { "uden-rolle",        "wish-hide",               "Alfa/1",                 false },
        { "uden-rolle",        "wish-redact",             "Alfa/1",                 false },
        { "uden-rolle",        "wish-estimate",           "Alfa/1",                 false },
        { "uden-rolle",        "news",                    "Alfa",                   false },
        { "uden-rolle",        "release",                 "Alfa",                   false },
        { "uden-rolle",        "decision",                "Alfa",                   false },
        { "uden-rolle",        "decision-redact",         "offentlig beslutning",   false },
        { "uden-rolle",        "association-decision",    "-",                      false },
        { "uden-rolle",        "document-upload",         "Alfa",                   false },
        { "uden-rolle",        "document-remove",         "Alfa/referat",           false },
        { "uden-rolle",        "staff-invite",            "Frederikshavn",          false },
        { "uden-rolle",        "staff-end",               "Frederikshavn/medarbejder", false },
        { "uden-rolle",        "follow",                  "Alfa",                   true },  // any signed-in user follows
        { "uden-rolle",        "ask",                     "Alfa",                   false },  // speaks for no organisation
        { "uden-rolle",        "answer",                  "Alfa/lukket",            false },
        { "uden-rolle",        "accept",                  "Alfa/egen",              false },
        { "uden-rolle",        "question-hide",           "Alfa/lukket",            false },
        { "uden-rolle",        "round-open",              "2026",                    false },
        { "uden-rolle",        "round-close",             "2026",                    false },
        { "uden-rolle",        "confirm-membership",      "Frederikshavn/Alfa",      false },
        { "uden-rolle",        "confirm-leave",           "Frederikshavn/Alfa",      false },
        { "uden-rolle",        "confirm-product",         "Alfa",                    false },

        // A Medarbejder of Frederikshavn (a co-owner of Alfa, not of Beta): follows, asks, answers and comments, and nothing else.
        { "medarbejder-frederikshavn", "request",          "Frederikshavn→Gamma",   false },
        { "medarbejder-frederikshavn", "withdraw",         "Frederikshavn→Beta",    false },
        { "medarbejder-frederikshavn", "leave",            "Frederikshavn/Alfa",    false },
        { "medarbejder-frederikshavn", "approve",          "København→Alfa",        false },
        { "medarbejder-frederikshavn", "edit-product",     "Alfa",                  false },
        { "medarbejder-frederikshavn", "contact-create",   "Frederikshavn",         false },
        { "medarbejder-frederikshavn", "contact-edit",     "Mette",                 false },
        { "medarbejder-frederikshavn", "bulk-export",      "kontaktpersoner",       false },
        { "medarbejder-frederikshavn", "wish-raise",       "Frederikshavn→Alfa",    false },
        { "medarbejder-frederikshavn", "wish-comment",     "Alfa/1",                true },
        { "medarbejder-frederikshavn", "wish-comment",     "Beta/1",                false },
        { "medarbejder-frederikshavn", "wish-support",     "Frederikshavn→Alfa/1",  false },
        { "medarbejder-frederikshavn", "wish-interest",    "Frederikshavn→Beta/1",  false },
        { "medarbejder-frederikshavn", "wish-pledge",      "Frederikshavn→Alfa/1",  false },
        { "medarbejder-frederikshavn", "wish-withdraw-support", "Frederikshavn→Alfa/4", false },
        { "medarbejder-frederikshavn", "wish-withdraw-pledge",  "Frederikshavn→Alfa/4", false },
        { "medarbejder-frederikshavn", "news",             "Alfa",                  false },
        { "medarbejder-frederikshavn", "document-upload",  "Alfa",                  false },
        { "medarbejder-frederikshavn", "fee-sheet",        "Alfa",                  false },
        { "medarbejder-frederikshavn", "staff-invite",     "Frederikshavn",         false },  // the IT-koordinator invites
        { "medarbejder-frederikshavn", "staff-end",        "Helsingør/medarbejder", false },
        { "medarbejder-frederikshavn", "follow",           "Alfa",                  true },
        { "medarbejder-frederikshavn", "follow",           "Beta",                  true },
        { "medarbejder-frederikshavn", "ask",              "Alfa",                  true },
        { "medarbejder-frederikshavn", "ask",              "Beta",                  true },   // an outsider may ask the co-owners
        { "medarbejder-frederikshavn", "answer",           "Alfa/lukket",           true },
        { "medarbejder-frederikshavn", "answer",           "Alfa/egen",             true },   // a follow-up in its own thread
        { "medarbejder-frederikshavn", "answer",           "Beta/lukket",           false },
        { "medarbejder-frederikshavn", "accept",           "Alfa/egen",             true },
        { "medarbejder-frederikshavn", "accept",           "Alfa/lukket",           false },
        { "medarbejder-frederikshavn", "question-public",  "Alfa/egen",             true },
        { "medarbejder-frederikshavn", "question-public",  "Alfa/lukket",           false },
        { "medarbejder-frederikshavn", "question-hide",    "Alfa/lukket",           false },
        { "medarbejder-frederikshavn", "question-redact",  "Alfa/egen",             false },
        { "medarbejder-frederikshavn", "round-open",              "2026",                    false },
        { "medarbejder-frederikshavn", "round-close",             "2026",                    false },
        { "medarbejder-frederikshavn", "confirm-membership",      "Frederikshavn/Alfa",      false },
        { "medarbejder-frederikshavn", "confirm-leave",           "Frederikshavn/Alfa",      false },
        { "medarbejder-frederikshavn", "confirm-product",         "Alfa",                    false },
    };

    /// <summary>A secretariat holder whose account has a password (any hash: nobody signs in here) and no second factor.</summary>
    private async Task AddSecretariatWithoutSecondFactorAsync()
    {
        await using var db = _db.CreateDbContext();
        var user = new AppUser { Id = "sekr-uden-totrin", UserName = "sekr@example.dk", Email = "sekr@example.dk", DisplayName = "sekr", PasswordHash = "not-a-real-hash", TwoFactorEnabled = false };
        user.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.Secretariat });
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task ActionIsAllowedOnlyWhereTheTableSays(string user, string action, string target, bool allowed)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        _wishes = await WishWorld.SeedAsync(_db, w);
        await AddSecretariatWithoutSecondFactorAsync();
        _items = await OS2Hub.Web.Tests.Features.Community.CommunityWorld.SeedAsync(_db, w);
        _threads = await QuestionWorld.SeedAsync(_db, w);
        if (action == "document-remove")
        {
            // The version to remove, uploaded by the secretariat before the table's user tries.
            var upload = await new OS2Hub.Web.Features.Community.DocumentService(_db, FixedClock.Default).UploadAsync("sekretariat",
                new OS2Hub.Web.Features.Community.DocumentUpload { ProductId = w.Products["Alfa"], Title = "Referat" }, "referat.pdf",
                OS2Hub.Web.Tests.Features.Community.DocumentTests.Pdf(), TestContext.Current.CancellationToken);
            _items[target] = upload.Id!.Value;
        }

        if (action.StartsWith("confirm-", StringComparison.Ordinal) || action == "round-close")
        {
            // The round the table's user answers in (or tries to close), opened by the secretariat before.
            Assert.True((await Confirmations(w).OpenAsync("sekretariat", 2026, 14, TestContext.Current.CancellationToken)).Succeeded);
        }

        if (action == "bulk-undo")
        {
            // The batch to undo, imported by the secretariat before the table's user tries.
            Assert.True((await BulkMembersAsync("sekretariat", target)).Succeeded);
        }

        var before = await SnapshotAsync();

        var result = await RunAsync(w, user, action, target);

        var after = await SnapshotAsync();
        if (allowed)
        {
            Assert.True(result.Succeeded, $"{user} {action} {target}: {result.Outcome} {result.Message}");
            Assert.NotEqual(before, after);
        }
        else
        {
            Assert.Equal(OperationOutcome.Denied, result.Outcome);
            Assert.Equal("Du har ikke adgang til at gøre dette.", result.Message);
            Assert.Equal(before, after);
        }
    }

    private async Task<OperationResult> RunAsync(WorkflowWorld w, string user, string action, string target)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = FixedClock.Default;
        switch (action)
        {
            case "request":
                var (org, product) = Split(target, '→');
                return await w.Service.RequestAsync(user, w.Input(org, product), ct);
            case "withdraw":
                return await w.Service.WithdrawAsync(user, w.Requests[target], ct);
            case "approve":
                return await w.Service.ApproveAsync(user, w.Requests[target], "Aftale", new DateOnly(2027, 1, 1), ct);
            case "reject":
                return await w.Service.RejectAsync(user, w.Requests[target], "Begrundelse", ct);
            case "leave":
                var (member, of) = Split(target, '/');
                return await w.Service.LeaveAsync(user, w.Products[of], w.Organisations[member], new DateOnly(2026, 12, 31), ct);
            case "agreement":
                return await w.Service.SetAgreementAsync(user, w.Products[target], "https://os2.eu/aftale.pdf", ct);
            case "edit-product" or "edit-maturity" or "edit-lifecycle":
                var edit = await ProductEditAsync(w.Products[target]);
                return await new ProductEditService(_db, clock).SaveAsync(user, action switch
                {
                    "edit-product" => edit with { Description = "Ændret beskrivelse" },
                    "edit-maturity" => edit with { Maturity = MaturityLevel.Level2, MaturityAssessedOn = new DateOnly(2026, 11, 1) },
                    _ => edit with { Lifecycle = LifecycleState.Retired },
                }, ct);
            case "create-product":
                return await new ProductEditService(_db, clock).CreateAsync(user, "Delta", "delta", ct);
            case "source":
                return await new ProductSourceService(_db, clock).SaveSourceAsync(user, w.Products[target], null,
                    new SourceInput { Fact = ProductFact.Licence, Reference = "https://os2.eu/produkt", AsOf = new DateOnly(2026, 1, 1) }, ct);
            case "add-supplier":
                return await new ParticipationEditService(_db, clock).AddAsync(user, w.Products[target], w.Organisations["Leverandør"], SupplierRole.Support, new DateOnly(2026, 1, 1), null, ct);
            case "supplier-period":
                return await new ParticipationEditService(_db, clock).SetPeriodAsync(user, await SupplierParticipationAsync(w.Products[target]), 0, null, new DateOnly(2026, 12, 31), ct);
            case "add-member":
                var (authority, joins) = Split(target, '→');
                return await new ParticipationEditService(_db, clock).AddMemberAsync(user, w.Products[joins], w.Organisations[authority], new DateOnly(2016, 1, 1), null, "Tilslutningsaftale 2016", ct);
            case "member-period":
                var (owner, owned) = Split(target, '/');
                return await new ParticipationEditService(_db, clock).SetPeriodAsync(user, await MembershipAsync(w.Products[owned], w.Organisations[owner]), 0, new DateOnly(2019, 1, 1), null, ct);
            case "add-group":
                return await new WorkingGroupService(_db, clock).AddGroupAsync(user, w.Products[target], WorkingGroupKind.ProfessionalGroup, "Jura", ct);
            case "seat":
                return await new WorkingGroupService(_db, clock).AddSeatAsync(user, w.Groups[$"{target}/Styregruppe"],
                    new SeatInput { OrganisationId = w.Organisations["København"], StartDate = new DateOnly(2026, 1, 1) }, ct);
            case "edit-organisation":
                var organisations = new OrganisationEditService(_db, clock);
                var current = (await organisations.GetAsync("sekretariat", await OrganisationSlugAsync(w.Organisations[target]), ct)).Value!;
                return await organisations.SaveAsync(user, current with { Website = "https://kommune.example.dk" }, ct);
            case "population":
                return await new OrganisationEditService(_db, clock).AddPopulationAsync(user, w.Organisations[target], new DateOnly(2026, 1, 1), 60_000, "Danmarks Statistik", ct);
            case "create-organisation":
                return await new OrganisationEditService(_db, clock).SaveAsync(user, new OrganisationEdit { Name = "Ny Leverandør A/S", Slug = "ny-leverandoer", Kind = OrganisationKind.Company }, ct);
            case "import":
                var into = w.Products[target];
                var version = await ProductVersionAsync(into);
                return await new OS2Hub.Web.Features.PublicCode.PublicCodeImport(_db, clock).ApplyAsync(user, into, version, MinimalPubliccode(), ct);
            case "bulk-members":
                return await BulkMembersAsync(user, target);
            case "bulk-contacts":
                var contactList = $"myndighed;navn;email;produkt\r\n{target.Split('→')[0]};Ny Person;ny.person@example.dk;{target.Split('→')[1]}\r\n";
                return await new BulkImport(_db, clock)
                    .ApplyAsync(user, ImportKind.Contacts, "kontakter.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(contactList)), false, null, ct);
            case "bulk-export":
                var rows = await new ImportFiles(_db, clock).RowsAsync(user, BulkImport.ByWord(target)!, PersonalDataAccess.ExcelExport, ct);
                return rows is null ? OperationResult.Denied : OperationResult.Ok(rows.Count);
            case "bulk-undo":
                await using (var db = _db.CreateDbContext())
                {
                    return await new ImportBatches(_db, clock).UndoAsync(user, await db.ImportBatches.Select(b => b.Id).SingleAsync(ct), ct);
                }
            case "import-new":
                return await new OS2Hub.Web.Features.PublicCode.PublicCodeImport(_db, clock).ApplyAsync(user, null, null, MinimalPubliccode(), ct);
            case "category":
                return await new CategoryService(_db, clock).SaveAsync(user, null, "Ny kategori", ct);
            case "contact-create":
                return await new ContactService(_db, clock).SaveAsync(user, new ContactInput { OrganisationId = w.Organisations[target], Name = "Ny Kontakt" }, ct);
            case "contact-edit":
                await using (var db = _db.CreateDbContext())
                {
                    var contact = await db.ContactPersons.AsNoTracking().SingleAsync(c => c.Id == w.Contacts[target], ct);
                    return await new ContactService(_db, clock).SaveAsync(user, new ContactInput { Id = contact.Id, Version = contact.Version, Name = contact.Name, Title = "Ny titel" }, ct);
                }

            case "contact-role":
                return await new ContactService(_db, clock).AddRoleAsync(user, w.Contacts[target], w.Products["Gamma"], ContactRoleKind.Technical, new DateOnly(2026, 1, 1), null, ct);
            case "contact-delete":
                return await new ContactService(_db, clock).DeleteAsync(user, w.Contacts[target], ct);
            case "economy-key":
                return await new AssociationKeyService(_db, clock).SaveKeyAsync(user, new KeyInput { BudgetYear = 2027, Small = 1, Medium = 1.5m, Large = 2, VeryLarge = 3, SecretariatPercent = 5 }, ct);
            case "fee-sheet":
                return await new FeeSheetService(_db, clock).SaveFeeSheetAsync(user, new FeeSheetInput
                {
                    ProductId = w.Products[target], BudgetYear = 2027, AnnualAmount = 250_000, JoiningFee = 25_000, Key = DistributionKey.AssociationKey, Reason = "Styregruppens budget 2027",
                }, ct);
            case "size-class":
                return await new SizeAssessmentService(_db, clock).SaveAssessmentAsync(user, w.Organisations[target], 0, 2027, SizeClass.VeryLarge, 590_000, ct);
            case "population-import":
                var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("\"OMRÅDE\";\"TID\";\"INDHOLD\"\n\"813 Frederikshavn\";\"2026K1\";57523\n"));
                return await new PopulationImport(_db, clock).ApplyAsync(user, file, ct);
            case "wish-raise" or "wish-propose":
                var (raisedFor, raisedOn) = Split(target, '→');
                return await WishWorld.Service(_db).RaiseAsync(user, new OS2Hub.Web.Features.Wishes.WishInput
                {
                    ProductId = w.Products[raisedOn], OrganisationId = w.Organisations[raisedFor], Title = "Nyt ønske", Need = "Et behov",
                }, ct);
            case "wish-comment" or "wish-supplier-estimate":
                return await WishWorld.Service(_db).CommentAsync(user, _wishes[target], "En kommentar", action == "wish-supplier-estimate" ? 80_000 : null, ct);
            case "wish-support" or "wish-interest":
                var (supporter, supported) = Split(target, '→');
                return await WishWorld.Service(_db).SupportAsync(user, _wishes[supported], w.Organisations[supporter], "Det betyder meget for os", ct);
            case "wish-withdraw-support":
                var (withdrawer, withdrawn) = Split(target, '→');
                return await WishWorld.Service(_db).WithdrawSupportAsync(user, _wishes[withdrawn], w.Organisations[withdrawer], ct);
            case "wish-pledge":
                var (pledger, pledged) = Split(target, '→');
                return await WishWorld.Service(_db).PledgeAsync(user, _wishes[pledged], w.Organisations[pledger], ct);
            case "wish-withdraw-pledge":
                var (unpledger, unpledged) = Split(target, '→');
                return await WishWorld.Service(_db).WithdrawPledgeAsync(user, _wishes[unpledged], w.Organisations[unpledger], ct);
            case "wish-status":
                return await WishWorld.Service(_db).SetStatusAsync(user, _wishes[target], new OS2Hub.Web.Features.Wishes.StatusInput
                {
                    Status = WishStatus.Prioritised, Forum = DecisionForum.CoordinationGroup, DecidedOn = new DateOnly(2026, 11, 20),
                }, ct);
            case "wish-reorder":
                return await WishWorld.Service(_db).MoveAsync(user, _wishes[target], -1, ct);
            case "wish-merge":
                var (merged, mergedInto) = Split(target, '→');
                return await WishWorld.Service(_db).MergeAsync(user, _wishes[merged], _wishes[mergedInto], ct);
            case "wish-hide":
                return await WishWorld.Service(_db).HideAsync(user, _wishes[target], true, ct);
            case "wish-redact":
                return await WishWorld.Service(_db).RedactAsync(user, _wishes[target], "Fjernet titel", ct);
            case "wish-estimate":
                return await WishWorld.Service(_db).SetEstimateAsync(user, _wishes[target], 250_000, 2027, ct);
            case "news" or "release":
                return await new OS2Hub.Web.Features.Community.CommunityService(_db, clock).AddNewsAsync(user, new OS2Hub.Web.Features.Community.NewsInput
                {
                    ProductId = w.Products[target], Kind = action == "news" ? NewsKind.News : NewsKind.Release, Title = "Ny udgave", Version = "2.0",
                    PublishedOn = new DateOnly(2026, 11, 27), Text = "Noter",
                }, ct);
            case "decision" or "association-decision":
                return await new OS2Hub.Web.Features.Community.CommunityService(_db, clock).AddDecisionAsync(user, new OS2Hub.Web.Features.Community.DecisionInput
                {
                    ProductId = action == "decision" ? w.Products[target] : null, DecidedOn = new DateOnly(2026, 11, 20),
                    Body = action == "decision" ? DecisionBody.SteeringGroup : DecisionBody.Board, Summary = "Besluttet",
                }, ct);
            case "document-upload":
                return await new OS2Hub.Web.Features.Community.DocumentService(_db, clock).UploadAsync(user,
                    new OS2Hub.Web.Features.Community.DocumentUpload { ProductId = w.Products[target], Title = "Kommissorium" }, "kommissorium.pdf",
                    OS2Hub.Web.Tests.Features.Community.DocumentTests.Pdf(), ct);
            case "document-remove":
                return await new OS2Hub.Web.Features.Community.DocumentService(_db, clock).RemoveVersionAsync(user, _items[target], "Personoplysninger", ct);
            case "decision-redact":
                return await new OS2Hub.Web.Features.Community.CommunityService(_db, clock).RedactDecisionAsync(user, _items[target], ct);
            case "staff-invite":
                return await StaffInviteAsync(user, w.Organisations[target]);
            case "staff-end":
                return await StaffEndAsync(user, _threads[target]);
            case "follow":
                return await new OS2Hub.Web.Features.Following.FollowService(_db, clock).FollowAsync(user, w.Products[target], FollowTopics.All, FollowDelivery.DailyDigest, ct);
            case "ask":
                return await QuestionWorld.Service(_db).AskAsync(user, new OS2Hub.Web.Features.Questions.QuestionInput { ProductId = w.Products[target], Title = "Et spørgsmål", Text = "Uddybning" }, ct);
            case "answer":
                return await QuestionWorld.Service(_db).AnswerAsync(user, _threads[target], "Et svar", ct);
            case "accept":
                return await QuestionWorld.Service(_db).AcceptAsync(user, _threads[target], _threads[$"{target}/svar"], ct);
            case "question-public":
                return await QuestionWorld.Service(_db).SetPublicAsync(user, _threads[target], true, ct);
            case "question-hide" or "question-redact":
                return await QuestionWorld.Service(_db).ModerateAsync(user, _threads[target], null, action == "question-hide" ? Moderation.Hidden : Moderation.Redacted,
                    "Personoplysninger fjernet", "Teksten uden navne", ct);
            case "round-open":
                return await Confirmations(w).OpenAsync(user, int.Parse(target, System.Globalization.CultureInfo.InvariantCulture), 14, ct);
            case "round-close":
                return await Confirmations(w).CloseAsync(user, await RoundAsync(), ct);
            case "confirm-membership":
                var (confirmer, confirmed) = Split(target, '/');
                return await Confirmations(w).ConfirmMembershipAsync(user, await MembershipAsync(w.Products[confirmed], w.Organisations[confirmer]), true, "Telefon med myndigheden 1. december 2026", ct);
            case "confirm-leave":
                var (leaver, left) = Split(target, '/');
                return await Confirmations(w).LeaveAsync(user, await MembershipAsync(w.Products[left], w.Organisations[leaver]), new DateOnly(2026, 12, 31), null, ct);
            case "confirm-product":
                return await Confirmations(w).ConfirmProductAsync(user, w.Products[target], ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private async Task<OperationResult> StaffInviteAsync(string user, int organisationId)
    {
        using var services = IdentityServices();
        using var scope = services.CreateScope();
        return await Admin(scope).InviteAsync(user, new OS2Hub.Web.Features.Users.InviteInput
        {
            Email = "ny.medarbejder@example.dk", DisplayName = "Ny Medarbejder", Role = GrantRole.Staff, OrganisationId = organisationId,
        }, new Uri("https://os2hub.example/"), TestContext.Current.CancellationToken);
    }

    private async Task<OperationResult> StaffEndAsync(string user, int grantId)
    {
        using var services = IdentityServices();
        using var scope = services.CreateScope();
        return await Admin(scope).RevokeAsync(user, grantId, TestContext.Current.CancellationToken);
    }

    private ServiceProvider IdentityServices()
    {
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services;
        services.AddScoped(_ => _db.CreateDbContext());
        services.AddIdentityCore<AppUser>(o => o.User.RequireUniqueEmail = true).AddEntityFrameworkStores<OS2Hub.Web.Data.OS2HubDbContext>().AddDefaultTokenProviders();
        return services.BuildServiceProvider();
    }

    private OS2Hub.Web.Features.Users.UserAdminService Admin(IServiceScope scope) =>
        new(_db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), new RecordingEmailSender(), FixedClock.Default,
            Microsoft.Extensions.Options.Options.Create(new OS2Hub.Web.Data.OS2HubOptions()), Microsoft.Extensions.Options.Options.Create(new OS2Hub.Web.Features.Account.SingleSignOnOptions()));

    private OS2Hub.Web.Features.Confirmations.ConfirmationService Confirmations(WorkflowWorld w) =>
        new(_db, FixedClock.Default, w.Service, new RecordingEmailSender(), Microsoft.Extensions.Options.Options.Create(new OS2Hub.Web.Data.OS2HubOptions()),
            new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(), Microsoft.Extensions.Logging.Abstractions.NullLogger<OS2Hub.Web.Features.Confirmations.ConfirmationService>.Instance);

    private async Task<int> RoundAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.ConfirmationRounds.Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<ProductEdit> ProductEditAsync(int productId)
    {
        await using var db = _db.CreateDbContext();
        var p = await db.Products.AsNoTracking().SingleAsync(x => x.Id == productId, TestContext.Current.CancellationToken);
        return new ProductEdit { Id = p.Id, Version = p.Version, Name = p.Name, Slug = p.Slug, Maturity = p.Maturity, Lifecycle = p.Lifecycle };
    }

    private async Task<int> SupplierParticipationAsync(int productId)
    {
        await using var db = _db.CreateDbContext();
        return await db.Participations.Where(x => x.ProductId == productId && x.Kind == ParticipationKind.Supplier).Select(x => x.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static string MinimalPubliccode() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "PublicCode", "Files", "standard-minimal.yml"));

    private async Task<int> ProductVersionAsync(int productId)
    {
        await using var db = _db.CreateDbContext();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Version).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> MembershipAsync(int productId, int organisationId)
    {
        await using var db = _db.CreateDbContext();
        return await db.Participations.Where(x => x.ProductId == productId && x.OrganisationId == organisationId && x.Kind == ParticipationKind.Member)
            .Select(x => x.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> OrganisationSlugAsync(int organisationId)
    {
        await using var db = _db.CreateDbContext();
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Slug).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static (string, string) Split(string text, char separator)
    {
        var parts = text.Split(separator);
        return (parts[0], parts[1]);
    }

    /// <summary>Everything an action can change, as text, so "nothing changed" is one comparison.</summary>
    private Task<OperationResult> BulkMembersAsync(string user, string target)
    {
        var memberList = $"produkt;myndighed;medejer_fra\r\n{target.Split('→')[1]};{target.Split('→')[0]};01.01.2027\r\n";
        return new BulkImport(_db, FixedClock.Default)
            .ApplyAsync(user, ImportKind.Memberships, "liste.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(memberList)), false, null, TestContext.Current.CancellationToken);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = _db.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var parts = new List<string>
        {
            string.Join("|", await db.JoinRequests.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.ProductId}:{r.OrganisationId}:{r.Status}:{r.DecidedByUserId}:{r.DecisionReason}:{r.ContactName}").ToListAsync(ct)),
            string.Join("|", await db.Participations.OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.ProductId}:{x.OrganisationId}:{x.Kind}:{x.Role}:{x.StartDate}:{x.EndDate}").ToListAsync(ct)),
            string.Join("|", await db.Products.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Version}:{p.Description}:{p.Maturity}:{p.Lifecycle}:{p.JoinAgreementUrl}").ToListAsync(ct)),
            string.Join("|", await db.Organisations.OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Version}:{o.Website}:{o.SizeAssessments.Count}").ToListAsync(ct)),
            string.Join("|", await db.EconomyYears.Select(y => $"{y.BudgetYear}:{y.Version}").ToListAsync(ct)),
            string.Join("|", await db.FeeSheets.OrderBy(f => f.Id).Select(f => $"{f.ProductId}:{f.BudgetYear}:{f.Version}:{f.AnnualAmount}").ToListAsync(ct)),
            string.Join("|", await db.ContactPersons.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Version}:{c.Title}").ToListAsync(ct)),
            string.Join("|", await db.ContactRoles.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.ProductId}:{r.Kind}:{r.EndDate}").ToListAsync(ct)),
            string.Join("|", await db.WorkingGroupMembers.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.OrganisationId}:{m.ContactPersonId}:{m.IsChair}:{m.EndDate}").ToListAsync(ct)),
            $"{await db.WorkingGroups.CountAsync(ct)}:{await db.ProductSources.CountAsync(ct)}:{await db.Categories.CountAsync(ct)}:{await db.PopulationFigures.CountAsync(ct)}",
            $"{await db.MembershipEvents.CountAsync(ct)}:{await db.ChangeLog.CountAsync(ct)}:{await db.FeeSheetChanges.CountAsync(ct)}",
            $"{await db.PersonalDataAccessLog.CountAsync(ct)}:{await db.OutgoingEmails.CountAsync(ct)}:{await db.ImportBatches.CountAsync(b => b.UndoneAt != null, ct)}",
            string.Join("|", await db.Wishes.OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.Title}:{x.Description}:{x.Status}:{x.Rank}:{x.EstimatedCost}:{x.HiddenAt}:{x.RedactedAt}:{x.MergedIntoId}").ToListAsync(ct)),
            string.Join("|", await db.WishSupports.OrderBy(x => x.WishId).ThenBy(x => x.OrganisationId).Select(x => $"{x.WishId}:{x.OrganisationId}").ToListAsync(ct)),
            string.Join("|", await db.WishPledges.OrderBy(x => x.WishId).ThenBy(x => x.OrganisationId).Select(x => $"{x.WishId}:{x.OrganisationId}").ToListAsync(ct)),
            $"{await db.WishComments.CountAsync(ct)}:{await db.WishEvents.CountAsync(ct)}:{await db.Notifications.CountAsync(ct)}",
            $"{await db.NewsItems.CountAsync(ct)}:{await db.DecisionEntries.CountAsync(ct)}:{await db.DecisionEntries.CountAsync(d => d.RedactedAt != null, ct)}",
            $"{await db.ProductDocuments.CountAsync(ct)}:{await db.DocumentVersions.CountAsync(v => v.RemovedAt == null, ct)}:{await db.StoredFiles.CountAsync(ct)}",
            string.Join("|", await db.Grants.OrderBy(g => g.Id).Select(g => $"{g.Id}:{g.UserId}:{g.Role}:{g.OrganisationId}:{g.ProductId}").ToListAsync(ct)),
            $"{await db.Users.CountAsync(ct)}:{await db.QuestionAnswers.CountAsync(ct)}",
            string.Join("|", await db.Questions.OrderBy(q => q.Id).Select(q => $"{q.Id}:{q.Title}:{q.Text}:{q.IsPublic}:{q.AcceptedAnswerId}:{q.Moderation}:{q.ModerationNote}").ToListAsync(ct)),
            string.Join("|", await db.ProductFollows.OrderBy(f => f.Id).Select(f => $"{f.UserId}:{f.ProductId}:{f.Topics}:{f.Delivery}").ToListAsync(ct)),
            string.Join("|", await db.ConfirmationRounds.OrderBy(r => r.Id).Select(r => $"{r.Year}:{r.ClosedAt}").ToListAsync(ct)),
            string.Join("|", await db.Confirmations.OrderBy(c => c.Id).Select(c => $"{c.Subject}:{c.ParticipationId}:{c.WorkingGroupMemberId}:{c.Outcome}").ToListAsync(ct)),
            string.Join("|", await db.Participations.OrderBy(x => x.Id).Select(x => $"{x.ConfirmedAt}").ToListAsync(ct)),
        };
        return string.Join("#", parts);
    }
}
