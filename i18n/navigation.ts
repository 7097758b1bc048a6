import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Links and redirects that keep the shopper's language (English unprefixed, Chinese under /zh-HK or /zh-CN). */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
