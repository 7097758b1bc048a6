import type { routing } from "@/i18n/routing";
import type messages from "./messages/en.json";

// next-intl's type augmentation: every t("key") is checked against the English file at compile time, and a
// locale is one of routing's. tests/unit/messages.test.ts holds the Chinese files to the same keys.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
