import { type ClientDialect } from './request-facts';

/** When a routing decision applies: exactly one kind per condition, combined with any/all/not (the config's shape). */
export type DecisionCondition =
  | { any: DecisionCondition[] }
  | { all: DecisionCondition[] }
  | { not: DecisionCondition }
  | { domain: string[] }
  | { keywords: string[] }
  | { regex: string }
  | { has_images: boolean }
  | { prompt_tokens: { above?: number; below?: number } }
  | { header: { name: string; value?: string; regex?: string } }
  | { dialect: ClientDialect }
  | { key: string[] }
  | { team: string[] };

/** One entry of `routing.decisions`: for model "auto", the highest priority whose `when` holds picks `model`. */
export interface DecisionRule {
  name: string;
  priority: number;
  when: DecisionCondition;
  model: string;
}
