import { signIn } from "@/server/auth/auth";
import { Button } from "@/components/ui/button";

export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl?: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mb-6 space-y-2 border-b border-zinc-200 pb-6 dark:border-zinc-800">
      {providers.map((provider) => (
        <form
          key={provider.id}
          action={async () => {
            "use server";
            await signIn(provider.id, { redirectTo: callbackUrl?.startsWith("/") ? callbackUrl : "/chat" });
          }}
        >
          <Button type="submit" variant="secondary" className="w-full">
            Continue with {provider.name}
          </Button>
        </form>
      ))}
    </div>
  );
}
