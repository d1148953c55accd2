import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "@/api/errors";

/**
 * The client already retries throttling and server errors with backoff, so
 * react-query does not retry on top of it (which would multiply the calls).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        throwOnError: false,
      },
      mutations: {
        retry: false,
        onError: (error) => {
          if (!isApiError(error)) console.error(error);
        },
      },
    },
  });
}
