namespace Earshot.Core.Routing;

public enum OfferStatus { Pending, Accepted, Rejected, Expired, Withdrawn }
