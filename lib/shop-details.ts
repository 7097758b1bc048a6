/**
 * Who the shop is, as the footer, the policies and the share images say it. A merchant who forks the shop
 * replaces every value here (the README's "Make it your shop" lists them); the business registration
 * number is a placeholder of zeros until then, so it can never pass for a real one.
 */
export const SHOP = {
  name: "Harbour Tea & Goods",
  legalName: "Harbour Tea & Goods Limited",
  tagline: "Tea, teaware and small goods from Hong Kong",
  address: ["Shop 3, G/F, 28 Wing Lok Street", "Sheung Wan, Hong Kong"],
  hours: "Tuesday to Sunday, 11:00 to 19:00",
  phone: "+852 2545 0000",
  email: "hello@harbourtea.example",
  /** The merchant's own Business Registration number: a placeholder until it is filled in. */
  businessRegistration: "00000000",
  /** Days after delivery in which unopened goods may be returned (the refund policy says so). */
  returnDays: 14,
} as const;
