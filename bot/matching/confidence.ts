import type { Match } from "./rank.ts";

/**
 * How sure the matcher is of its best answer (issue 19 §2, "no confident wrong answers"):
 * - none: nothing found, or too weak (score under MIN_SCORE);
 * - unsure: a weak score (under SURE_SCORE), a close second (two answers as likely), or an
 *   answer that misses what the question is about: it holds under SURE_COVERAGE of the
 *   question's weight of meaning (a word the content has not got, such as "rsa", weighs most:
 *   score.ts UNKNOWN_WEIGHT), or the items of another topic hold more than OFF_TOPIC more of
 *   it than its own topic's ("renouvellement titre de séjour combien de temps" is about papers,
 *   not the contract FAQ that has "combien de temps"), or it does not name what a definition
 *   question asks about ("c'est quoi l'accueil solidaire"), or another of the closest items holds
 *   RIVAL_COVERAGE more of the question ("i lost my bank card": the papers step has "lost", the
 *   bank account step, first by score, has not);
 * - unsure too when the answer rests on one word: it holds a single word of a question that has
 *   several ("comment faire ma déclaration d'impôts": "déclaration" of the nationality step), or,
 *   beyond the heaviest word it is about, the question keeps at least REST_SHARE of its weight of
 *   which the answer is about (title, question, keywords) under REST_ABOUT ("forfait téléphone
 *   pas cher": the free emergency calls FAQ is about "forfait", has "téléphone" only in its body
 *   and nothing of "pas cher");
 * - unsure when the question sits between items: the answer holds under PARTIAL_COVERAGE of it
 *   and the second, of another topic or the answer's own topic as a whole, scores at least
 *   PARTIAL_SECOND of it ("mon patron me paye pas mon salaire depuis 2 mois": the apprenticeship
 *   step has "patron" and "salaire", the contract FAQ about a job is close behind; two items of
 *   one topic close together are the same answer told twice, and stay sure);
 * - unsure when the answer lacks a word of at least UNANSWERED_SHARE of the question that
 *   another of the closest items is about, unless it leads by far (the second under
 *   UNANSWERED_SECOND of it): the question also asks what the answer does not treat ("comment
 *   changer de nom de famille": the health FAQ has "change" and "nom", not "famille");
 * - sure: otherwise. Only a sure answer is given as the answer: bot/flows/question.ts.
 * Tuned on the even half of tests/eval/questions.json and on three quarters of
 * tests/eval/unanswerable.json (`npm run eval`).
 */
export type Confidence = "sure" | "unsure" | "none";

export const MIN_SCORE = 2;
export const SURE_SCORE = 5;
const CLOSE_SECOND = 0.8;
export const SURE_COVERAGE = 0.4;
export const OFF_TOPIC = 0.3;
export const RIVAL_COVERAGE = 0.1;
export const REST_SHARE = 0.25;
export const REST_ABOUT = 0.3;
export const PARTIAL_COVERAGE = 0.75;
export const PARTIAL_SECOND = 0.6;
export const UNANSWERED_SHARE = 0.25;
export const UNANSWERED_SECOND = 0.4;

export function confidenceOf(matches: Match[]): Confidence {
  const [best, second] = matches;
  if (!best || best.score < MIN_SCORE) return "none";
  if (best.score < SURE_SCORE || (second && second.score >= best.score * CLOSE_SECOND)) return "unsure";
  if (best.coverage < SURE_COVERAGE || best.offTopic > OFF_TOPIC || best.missesFocus) return "unsure";
  if (matches.some((m) => m.coverage >= best.coverage + RIVAL_COVERAGE)) return "unsure";
  if (best.held === 1 && best.words >= 2) return "unsure";
  if (best.rest >= REST_SHARE && best.restAbout < REST_ABOUT) return "unsure";
  const ratio = second ? second.score / best.score : 0;
  const apart = second !== undefined && (second.topic !== best.topic || second.id === best.topic);
  if (best.coverage < PARTIAL_COVERAGE && apart && ratio >= PARTIAL_SECOND) return "unsure";
  if (best.unansweredShare >= UNANSWERED_SHARE && ratio >= UNANSWERED_SECOND) return "unsure";
  return "sure";
}
