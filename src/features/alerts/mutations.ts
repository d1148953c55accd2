import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createGatewayRule,
  deleteGatewayRule,
  updateGatewayRule,
  type RuleInput,
} from "@/api/gateway-alerts";
import { gatewayAlertKeys } from "./queries";

/** Creates (no id) or changes a rule on the gateway; refreshes the rules and history after. */
export function useSaveGatewayRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, rule }: { id?: string | undefined; rule: RuleInput }) =>
      id ? updateGatewayRule(id, rule) : createGatewayRule(rule),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: gatewayAlertKeys.all }),
  });
}

export function useDeleteGatewayRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteGatewayRule(id),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: gatewayAlertKeys.all }),
  });
}
