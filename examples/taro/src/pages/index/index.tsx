import { Button, Text, View } from '@tarojs/components';
import { useAuthCode } from '@authcode/react';
import { maskAuthCode } from '@authcode/core';
import { createExchange } from '@authcode/core/exchange';
import { exchangeCode, sessionErrorCode, type Session } from '../../signIn';

const scopes = ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'];
const exchange = createExchange(exchangeCode);

// The sheet opens only on a tap: never on first render, never in onShow (closing it fires onShow again).
// The code goes to the merchant server at once (`exchange`); the page shows the server's answer.
export default function Index() {
  const { status, isLoading, authCode, session, error, request, cancel } = useAuthCode<Session>({
    scopes,
    required: ['USER_LOGIN_ID'],
    exchange,
  });
  const errorCode = sessionErrorCode(error);
  return (
    <View className="page">
      <Text className="status">{status}</Text>
      {session && <Text className="signed-in">{`Signed in as ${session.userId}`}</Text>}
      {authCode && <Text className="code">{maskAuthCode(authCode)}</Text>}
      {error && <Text className="error">{error.kind}</Text>}
      {errorCode && <Text className="error-code">{errorCode}</Text>}
      {isLoading ? (
        <Button className="cancel" onClick={cancel}>
          Cancel
        </Button>
      ) : (
        <Button className="authorize" onClick={() => void request()}>
          Sign in
        </Button>
      )}
    </View>
  );
}
