/**
 * The SMS classifier: text normalisation and hashed character n-gram features, a softmax regression
 * trained with a fixed seed, the versioned model file shipped as a resource, the corpus with its
 * held-out split, evaluation figures, and the policy that turns a classification into an action.
 * Tables of words ({@code lexicon.tsv}) and the model are data, not code.
 */
package org.dunshield.core.classify;
