using Awards.Core.Identity;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Awards.Web.Features.Mailbox;

/// <summary>
/// Demo mode only: the organizer reads the .eml folder as a mailbox, so invitation and
/// confirmation links can be followed without a mail server. In production it does not exist.
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/mailbox")]
public sealed class MailboxController(Infrastructure.Mail.Mailbox mailbox, SiteContext site) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => site.IsDemo ? View(mailbox.List()) : NotFound();

    [HttpGet("{id}")]
    public IActionResult Show(string id)
    {
        var mail = site.IsDemo ? mailbox.Find(id) : null;
        return mail is null ? NotFound() : View(mail);
    }
}
