import { createContext, useContext } from 'react';

/** The environment the add dialog files a new account into (undefined: none). */
export const EnvironmentChoiceContext = createContext<string | undefined>(undefined);

export const useEnvironmentChoice = () => useContext(EnvironmentChoiceContext);
