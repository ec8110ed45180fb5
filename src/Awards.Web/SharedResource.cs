namespace Awards.Web;

/// <summary>
/// The marker type for the site's one resource file, Resources/SharedResource.zh-CN.resx. Keys
/// are the English text, so English needs no resource file and a missing translation shows English.
/// </summary>
public sealed class SharedResource;
