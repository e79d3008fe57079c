/** `npm run build`'s last step: the prerendered pages' Content-Security-Policy (lib/security/prerendered-policy.ts). */
import { stampPrerenderedPolicies } from "@/lib/security/prerendered-policy";

console.log(`Content-Security-Policy with script hashes written for ${stampPrerenderedPolicies()} prerendered pages.`);
