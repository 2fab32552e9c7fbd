import { Button, Text, View } from '@tarojs/components';
import { useAuthCode } from '@authcode/react';
import { maskAuthCode } from '@authcode/core';

const scopes = ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'];

// The sheet opens only on a tap: never on first render, never in onShow (closing it fires onShow again).
export default function Index() {
  const { status, authCode, error, request, cancel } = useAuthCode({ scopes, required: ['USER_LOGIN_ID'] });
  return (
    <View className="page">
      <Text className="status">{status}</Text>
      {authCode && <Text className="code">{maskAuthCode(authCode)}</Text>}
      {error && <Text className="error">{error.kind}</Text>}
      {status === 'consenting' ? (
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
